// One line of the benchmark table.
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target?: string;
}
