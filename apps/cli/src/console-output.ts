/** Results go to stdout (pipe-able); progress, problems and errors to stderr. */
export const out = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
export const err = (line: string): void => {
  process.stderr.write(`${line}\n`);
};
