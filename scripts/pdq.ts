/** PDQ-hash image files the way Meta's pdq-photo-hasher does. Usage: npm run pdq -- FILE... */
import { runPdqCli } from '../lib/hashing/pdq-cli';

runPdqCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
}).then((code) => {
  process.exitCode = code;
});
