export { SqlProcessFactsSource } from './sql-process-facts';
