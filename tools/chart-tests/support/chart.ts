import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments, parse } from 'yaml';
import { CHART_DIR, runOk } from './toolchain';

/** The values files the chart ships: its defaults and each example. */
export const VALUES_FILES = ['values.yaml', 'examples/minimal.yaml', 'examples/production-ha.yaml', 'examples/existing-secrets.yaml'] as const;

export interface ChartMetadata {
  version: string;
  appVersion: string;
  kubeVersion: string;
}

export function chartMetadata(): ChartMetadata {
  return parse(readFileSync(join(CHART_DIR, 'Chart.yaml'), 'utf8')) as ChartMetadata;
}

/** The oldest and newest Kubernetes minor versions the chart declares (kubeVersion ">=1.30.0-0 <1.38.0-0"). */
export function declaredKubernetesRange(): { oldest: string; newest: string } {
  const range = chartMetadata().kubeVersion;
  const lower = /^>=\s*(\d+)\.(\d+)/.exec(range);
  const upper = /<\s*(\d+)\.(\d+)\.0-0\s*$/.exec(range);
  if (!lower || !upper) throw new Error(`Chart.yaml kubeVersion "${range}" does not have the form ">=1.A.0-0 <1.B.0-0"`);
  return { oldest: `${lower[1]}.${lower[2]}.0`, newest: `${upper[1]}.${Number(upper[2]) - 1}.0` };
}

export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
}

/** `helm template` of the chart with the given values files (relative to the chart) and extra arguments. */
export function renderChart(
  helm: string,
  valuesFiles: readonly string[],
  extraArgs: readonly string[] = [],
  release = 'pmo',
): { yaml: string; manifests: Manifest[] } {
  const args = [
    'template',
    release,
    CHART_DIR,
    '--namespace',
    'pmo',
    ...valuesFiles.flatMap((file) => ['-f', file.startsWith('/') ? file : join(CHART_DIR, file)]),
    ...extraArgs,
  ];
  const yaml = runOk(helm, args);
  const manifests = parseAllDocuments(yaml)
    .map((document) => document.toJS() as Manifest | null)
    .filter((manifest): manifest is Manifest => manifest !== null);
  return { yaml, manifests };
}
