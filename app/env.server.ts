// Whether this server is a production deployment, decided when it starts (NODE_ENV=production).
// The Remix compiler replaces `process.env.NODE_ENV` in the server build with "production" whatever the
// environment, so reading it through another reference keeps the decision at run time: `npm start` on a
// developer's machine keeps the development mailbox and accepts the development session secret.
const runtimeEnvironment: NodeJS.ProcessEnv = process.env;

export function isProduction(): boolean {
  return runtimeEnvironment.NODE_ENV === "production";
}
