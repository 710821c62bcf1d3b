// A few months in the life of the demo's relationships: goals, sessions, feedback.
// Filled in as the goals and sessions services land.
export async function seedActivity(api, programs, random) {
  void api;
  void programs;
  void random;
}
