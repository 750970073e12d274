export { DomainError, isDomainError, toErrorInfo } from './domain-error';
export type { ErrorInfo } from './domain-error';
export { systemClock, ManualClock } from './clock';
export type { Clock } from './clock';
export { newId } from './ids';
export { parseDuration, isDuration } from './duration';
export { currencyDigits, decimalToMinor, minorToDecimal } from './money';
