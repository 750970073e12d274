import { useEffect, useRef } from 'react';
import type { ValidationProblem } from '../api/types';

/** The owner of the server's markers, next to monaco-yaml's own schema markers. */
const SERVER_MARKERS = 'conveyor-validator';

interface Props {
  value: string;
  onChange: (value: string) => void;
  problems: ValidationProblem[];
  readOnly?: boolean;
  /** Distinguishes models (one per workflow). */
  modelName: string;
  /** Changing it replaces the editor's text with `value`. */
  resetToken: string | number;
}

/** Monaco with monaco-yaml and the workflow schema; the server's validation problems as inline markers. */
export function YamlEditor({ value, onChange, problems, readOnly, modelName, resetToken }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<import('monaco-editor').editor.IStandaloneCodeEditor>(undefined);
  const monacoRef = useRef<typeof import('./monaco-setup').monaco>(undefined);
  const changeHandler = useRef(onChange);
  changeHandler.current = onChange;
  // Monaco loads asynchronously: the editor must start from the value of the latest render, not the first.
  const latestValue = useRef(value);
  latestValue.current = value;
  const latestReadOnly = useRef(readOnly);
  latestReadOnly.current = readOnly;

  useEffect(() => {
    let disposed = false;
    let cleanup: (() => void) | undefined;
    void import('./monaco-setup').then(({ monaco }) => {
      if (disposed || !host.current) return;
      monacoRef.current = monaco;
      const uri = monaco.Uri.parse(`file:///${encodeURIComponent(modelName)}.workflow.yaml`);
      const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(latestValue.current, 'yaml', uri);
      if (model.getValue() !== latestValue.current) model.setValue(latestValue.current);
      const editor = monaco.editor.create(host.current, {
        model,
        automaticLayout: true,
        minimap: { enabled: false },
        readOnly: latestReadOnly.current,
        tabSize: 2,
        scrollBeyondLastLine: false,
        quickSuggestions: { other: true, comments: false, strings: true },
        ariaLabel: 'Workflow YAML',
      });
      editorRef.current = editor;
      const subscription = editor.onDidChangeModelContent(() => changeHandler.current(editor.getValue()));
      cleanup = () => {
        subscription.dispose();
        editor.dispose();
        model.dispose();
      };
    });
    return () => {
      disposed = true;
      cleanup?.();
      editorRef.current = undefined;
    };
    // The editor is created once per workflow; later values flow in through the effect below.
  }, [modelName]);

  // Switching between a past revision (read-only) and the latest one keeps the editor it has.
  useEffect(() => {
    editorRef.current?.updateOptions({ readOnly });
  }, [readOnly]);

  // The editor owns the text while someone types (a render lagging a keystroke behind must not reset it);
  // only a new resetToken (a loaded revision, "discard changes") replaces it with `value`.
  useEffect(() => {
    const editor = editorRef.current;
    if (editor && editor.getValue() !== latestValue.current) editor.setValue(latestValue.current);
  }, [resetToken]);

  useEffect(() => {
    const monaco = monacoRef.current;
    const model = editorRef.current?.getModel();
    if (!monaco || !model) return;
    monaco.editor.setModelMarkers(
      model,
      SERVER_MARKERS,
      problems.map((problem) => ({
        severity: monaco.MarkerSeverity.Error,
        message: `${problem.message} (${problem.code})`,
        startLineNumber: Math.max(1, problem.line),
        startColumn: Math.max(1, problem.column),
        endLineNumber: Math.max(1, problem.line),
        endColumn: model.getLineMaxColumn(Math.min(Math.max(1, problem.line), model.getLineCount())),
      })),
    );
  }, [problems]);

  return <div ref={host} className="yaml-editor" data-testid="yaml-editor" />;
}
