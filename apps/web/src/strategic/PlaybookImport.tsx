import { Alert, AlertTitle, Box, Button, List, ListItem, Stack, Typography } from '@mui/material';
import { yaml } from '@codemirror/lang-yaml';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import CodeMirror, { EditorView } from '@uiw/react-codemirror';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, meaningOf, unwrap } from '../api/api-error';
import { usePmo } from '../api/clients';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { keys, type StandardVersion } from './standards-api';
import { yamlProblemsOf, type YamlProblem } from './yaml-problems';

const FILE = 'playbook.yaml';

const TEMPLATE = `# One key task per YAML document; separate documents with ---
phase: 1
keyTask: 1
name: Establish the program
objective: Set up the program's governance.
responsibleParty: customer
category: programManagement
activities:
  - text: Develop Program Charter
    responsibleParty: customer
inputs: []
outputs:
  - Program Charter
stakeholders:
  - text: Program Manager
    responsibleParty: customer
bestPractice: []
lessonsLearned: []
`;

/** The playbook of a methodology draft as YAML, imported with PUT …/playbook; refusals at their line and column. */
export function PlaybookImport({ version }: { version: StandardVersion }) {
  const pmo = usePmo();
  const queryClient = useQueryClient();
  const path = { standardId: version.standardId, version: version.version };
  const view = useRef<EditorView | null>(null);
  const current = useQuery({
    queryKey: [...keys.version(version.standardId, version.version), 'playbook-yaml'],
    enabled: version.body !== null,
    queryFn: () => unwrap(pmo.strategic.GET('/standards/{standardId}/versions/{version}/playbook', { params: { path }, parseAs: 'text' })),
  });
  const [text, setText] = useState<string | null>(null);
  const value = text ?? (version.body === null ? TEMPLATE : ((current.data as string | undefined) ?? ''));
  const importPlaybook = useMutation({
    mutationFn: (yamlText: string) =>
      unwrap(
        pmo.strategic.PUT('/standards/{standardId}/versions/{version}/playbook', {
          params: { path, query: { file: FILE } },
          body: yamlText,
          // The YAML goes as it is: openapi-fetch would otherwise send it as a JSON string.
          bodySerializer: (body: string) => body,
          headers: { 'content-type': 'application/yaml' },
        }),
      ),
    onSuccess: async (saved) => {
      queryClient.setQueryData(keys.version(version.standardId, version.version), saved);
      await queryClient.invalidateQueries({ queryKey: keys.version(version.standardId, version.version) });
    },
  });
  const error = importPlaybook.error;
  const problems: YamlProblem[] = useMemo(
    () =>
      error instanceof ApiError && (error.status === 400 || error.status === 422) ? yamlProblemsOf(importPlaybook.variables ?? '', error.body.details) : [],
    [error, importPlaybook.variables],
  );

  // The server's problems as editor diagnostics, placed in the text that was sent.
  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const doc = editor.state.doc;
    const diagnostics: Diagnostic[] = problems.map((p) => {
      const line = doc.line(Math.min(Math.max(p.line, 1), doc.lines));
      const from = Math.min(line.from + p.column - 1, line.to);
      return { from, to: Math.max(from, line.to), severity: 'error', message: p.message, source: 'server' };
    });
    editor.dispatch(setDiagnostics(editor.state, diagnostics));
  }, [problems]);

  const extensions = useMemo(() => [yaml(), lintGutter(), EditorView.lineWrapping, EditorView.contentAttributes.of({ 'aria-label': 'Playbook YAML' })], []);

  return (
    <Stack spacing={2}>
      <Typography color="text.secondary">
        Key tasks in the playbook's YAML shape, one per document (<code>---</code> between them). Importing replaces the draft's playbook.
      </Typography>
      <Box sx={{ border: 1, borderColor: 'divider' }}>
        <CodeMirror
          value={value}
          minHeight="240px"
          extensions={extensions}
          onChange={(next) => setText(next)}
          onCreateEditor={(editor) => {
            view.current = editor;
          }}
          basicSetup={{ foldGutter: false }}
        />
      </Box>
      {problems.length > 0 && error instanceof ApiError ? (
        <Alert severity="warning" role="alert">
          <AlertTitle>{meaningOf(error.status)}</AlertTitle>
          {error.status === 400 ? 'The playbook is not valid YAML.' : 'The key tasks are not well formed.'}
          <List dense aria-label="Playbook problems">
            {problems.map((p, i) => (
              <ListItem key={i}>
                Line {p.line}, column {p.column}: {p.message}
              </ListItem>
            ))}
          </List>
        </Alert>
      ) : (
        <ApiErrorAlert error={error} />
      )}
      <ApiErrorAlert error={current.error} />
      {importPlaybook.isSuccess && <Typography role="status">Playbook imported.</Typography>}
      <div>
        <Button variant="contained" loading={importPlaybook.isPending} onClick={() => importPlaybook.mutate(value)}>
          Import playbook
        </Button>
      </div>
    </Stack>
  );
}
