/** Workflows the API tests publish. Ids carry a suffix so reruns against one database do not meet. */
export function helloWorkflow(id: string, greeting = 'hello'): string {
  return `id: ${id}
name: Hello
inputs:
  who:
    type: string
    required: true
triggers:
  - id: manual
    type: manual
  - id: on-upload
    type: event
    event: document.uploaded
    inputs:
      who: \${{ event.name }}
  - id: hook
    type: webhook
    inputs:
      who: \${{ body.name }}
steps:
  - id: greet
    type: log
    with:
      message: "${greeting} \${{ inputs.who }}"
  - id: done
    type: noop
    needs: greet
outputs:
  greeting: \${{ steps.greet.outputs.message }}
`;
}

/** The unknown step type is on line 4 (its value starts at column 11). */
export const UNKNOWN_STEP_TYPE_WORKFLOW = `id: unknown-step-type
steps:
  - id: first
    type: no.such-type
`;
