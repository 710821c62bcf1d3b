import { describeApiFuzz } from '@tandem/runtime/testing';
import { startMatchingApi } from './matching-api.test-kit';
import { startPersonalDataSources } from './personal-data/personal-data-sources.test-kit';

describeApiFuzz('matching', async () => {
  // A person's export asks the other services; stand-ins answer here, so it is fuzzed like the rest.
  const sources = await startPersonalDataSources();
  const api = await startMatchingApi({ env: { PERSONAL_DATA_SOURCES: sources.setting } });
  return {
    ...api,
    close: async () => {
      await api.close();
      await sources.close();
    },
  };
});
