import { Environment } from '@marcbachmann/cel-js';

/**
 * The single CEL environment every workflow expression runs in.
 *
 * - Variables are undeclared (`dyn`): the context decides what exists, so unknown names fail at run time.
 * - Values coming from JSON are JS numbers, which CEL sees as `double`, while literals like `10000` are
 *   `int`. CEL compares ints with doubles natively but has no mixed arithmetic, so `inputs.n * 2` would
 *   fail; we register the mixed overloads (result: double) so admins do not have to know the difference.
 * - Structural limits bound parse work; the length limit lives in the compiler.
 */
export const MAX_EXPRESSION_LENGTH = 4_000;

export const CEL_LIMITS = {
  maxAstNodes: 2_000,
  maxDepth: 64,
  maxListElements: 1_000,
  maxMapEntries: 1_000,
  maxCallArguments: 16,
} as const;

type Arithmetic = (left: number, right: number) => number;

const ARITHMETIC: Record<'+' | '-' | '*' | '/', Arithmetic> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
};

function createEnvironment(): Environment {
  const env = new Environment({
    unlistedVariablesAreDyn: true,
    homogeneousAggregateLiterals: false,
    enableOptionalTypes: true,
    limits: { ...CEL_LIMITS },
  });
  for (const [operator, apply] of Object.entries(ARITHMETIC)) {
    env.registerOperator(`int ${operator} double`, (a: bigint, b: number) => apply(Number(a), b));
    env.registerOperator(`double ${operator} int`, (a: number, b: bigint) => apply(a, Number(b)));
  }
  // `1 == 1.0` is a type error in plain CEL; equality between the two number kinds is what people expect.
  // (Registering `int == double` also provides the mirrored and the `!=` overloads.)
  env.registerOperator('int == double', (a: bigint, b: number) => Number(a) === b);
  return env;
}

export const celEnvironment: Environment = createEnvironment();
