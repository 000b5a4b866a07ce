import type { StageName } from './stage-config.js';

/** Who the alarms reach: an e-mail subscribed to the stack's own topic, or an existing ops topic. */
export interface AlarmRecipients {
  email?: string;
  topicArn?: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const SNS_TOPIC_ARN = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[\w-]{1,256}$/;

/**
 * Resolve `-c alarmEmail=…` / `-c alarmTopicArn=…`. Prod must name at least one (issue 17, defect 3): a prod
 * stack whose alarms notify nobody is refused at synth, before anything is built. Dev may have neither.
 */
export function alarmRecipients(stage: StageName, context: { alarmEmail?: unknown; alarmTopicArn?: unknown }): AlarmRecipients {
  const email = optionalString('alarmEmail', context.alarmEmail);
  const topicArn = optionalString('alarmTopicArn', context.alarmTopicArn);
  if (email !== undefined && !EMAIL.test(email)) throw new Error(`alarmEmail: expected an e-mail address (cdk -c alarmEmail=ops@example.org), got ${JSON.stringify(email)}`);
  if (topicArn !== undefined && !SNS_TOPIC_ARN.test(topicArn)) {
    throw new Error(`alarmTopicArn: expected an SNS topic ARN (arn:aws:sns:<region>:<account>:<name>), got ${JSON.stringify(topicArn)}`);
  }
  if (stage === 'prod' && email === undefined && topicArn === undefined) {
    throw new Error(
      'prod alarms would notify nobody: pass -c alarmEmail=ops@example.org (subscribed to the stack\'s alarm topic) ' +
        'or -c alarmTopicArn=arn:aws:sns:<region>:<account>:<topic> (an existing ops topic), e.g. npx cdk deploy -c stage=prod -c alarmEmail=ops@example.org',
    );
  }
  return { ...(email !== undefined && { email }), ...(topicArn !== undefined && { topicArn }) };
}

function optionalString(name: string, value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new Error(`${name}: expected a string, got ${JSON.stringify(value)}`);
  return value.trim() === '' ? undefined : value.trim();
}
