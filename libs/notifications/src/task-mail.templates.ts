/**
 * The task mails' templates. Every value is untrusted (titles and evidence come from documents and
 * workflow expressions): the HTML template only uses escaped {{ }} tags, which renderHtmlTemplate enforces.
 */

export const TASK_MAIL_SUBJECT = '{{subjectPrefix}}: {{title}}';

export const TASK_MAIL_TEXT = `{{intro}}

Task: {{title}}
{{#description}}
{{description}}
{{/description}}
Workflow: {{workflowId}} (run {{runId}})
{{#amount}}
Amount: {{amount}}
{{/amount}}
{{#due}}
Due: {{due}}
{{/due}}
{{#changeReason}}
Reason: {{changeReason}}
{{/changeReason}}
{{#hasEvidence}}

Evidence:
{{#evidence}}
- {{label}}: {{value}}
{{/evidence}}
{{#moreEvidence}}
- … and {{moreEvidence}} more in the portal
{{/moreEvidence}}
{{/hasEvidence}}

{{#actions}}
{{label}}: {{url}}
{{/actions}}

{{linkNotice}}
`;

export const TASK_MAIL_HTML = `<!doctype html>
<html>
<body style="font-family: Arial, Helvetica, sans-serif; color: #1f2933; line-height: 1.4">
<p>{{intro}}</p>
<h2 style="font-size: 18px; margin: 16px 0 8px">{{title}}</h2>
{{#description}}
<p style="white-space: pre-wrap">{{description}}</p>
{{/description}}
<table style="border-collapse: collapse; margin: 8px 0">
<tr><td style="padding: 2px 12px 2px 0; color: #52606d">Workflow</td><td>{{workflowId}} (run {{runId}})</td></tr>
{{#amount}}
<tr><td style="padding: 2px 12px 2px 0; color: #52606d">Amount</td><td>{{amount}}</td></tr>
{{/amount}}
{{#due}}
<tr><td style="padding: 2px 12px 2px 0; color: #52606d">Due</td><td>{{due}}</td></tr>
{{/due}}
{{#changeReason}}
<tr><td style="padding: 2px 12px 2px 0; color: #52606d">Reason</td><td style="white-space: pre-wrap">{{changeReason}}</td></tr>
{{/changeReason}}
</table>
{{#hasEvidence}}
<h3 style="font-size: 15px; margin: 16px 0 4px">Evidence</h3>
<table style="border-collapse: collapse">
{{#evidence}}
<tr><td style="padding: 2px 12px 2px 0; color: #52606d; vertical-align: top">{{label}}</td><td style="white-space: pre-wrap">{{value}}</td></tr>
{{/evidence}}
{{#moreEvidence}}
<tr><td colspan="2" style="color: #52606d">… and {{moreEvidence}} more in the portal</td></tr>
{{/moreEvidence}}
</table>
{{/hasEvidence}}
<p style="margin: 20px 0">
{{#actions}}
<a href="{{url}}" style="display: inline-block; margin: 0 8px 8px 0; padding: 8px 14px; border-radius: 4px; background: #2952cc; color: #ffffff; text-decoration: none">{{label}}</a>
{{/actions}}
</p>
<p style="font-size: 12px; color: #52606d">{{linkNotice}}</p>
</body>
</html>
`;
