export default async function globalTeardown(): Promise<void> {
  if (process.env['TANDEM_KEEP_INFRA'] === '1') return;
  await globalThis.__tandemStopInfra?.();
}
