import type { z } from "zod";

// The one way this codebase reads its environment: a zod object of variables, parsed once, where
// an empty value counts as unset (so defaults apply) and a bad value fails naming the variable.

/** Thrown for bad settings; its message lists each one as `VARIABLE_NAME: problem`. */
export class EnvError extends Error {
  readonly problems: string[];
  constructor(problems: string[], context?: string) {
    super(`${context ? `${context}: ` : ""}${problems.join("; ")}`);
    this.problems = problems;
    this.name = "EnvError";
  }
}

export function readEnv<Shape extends z.ZodRawShape>(
  schema: z.ZodObject<Shape>,
  env: Record<string, string | undefined> = process.env,
  /** Says whose settings these are, before the problems: "Bad web server configuration". */
  context?: string,
): z.infer<z.ZodObject<Shape>> {
  const present = Object.fromEntries(Object.keys(schema.shape).map((name) => [name, env[name] || undefined]));
  const parsed = schema.safeParse(present);
  if (!parsed.success)
    throw new EnvError(
      parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`),
      context,
    );
  return parsed.data;
}
