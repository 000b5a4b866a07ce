import { describe, expect, it } from 'vitest';
import { dynamoDbLocalArgs } from './local-dynamodb.js';

describe('dynamoDbLocalArgs', () => {
  it('keeps one database per credential (no -sharedDb) and sends no telemetry', () => {
    const persisted = dynamoDbLocalArgs({ jarDir: '/jar', port: 8123, dir: '/state/dynamodb' });
    expect(persisted).toEqual(['-Djava.library.path=/jar/DynamoDBLocal_lib', '-jar', '/jar/DynamoDBLocal.jar', '-port', '8123', '-dbPath', '/state/dynamodb', '-disableTelemetry']);
    const inMemory = dynamoDbLocalArgs({ jarDir: '/jar', port: 8123 });
    expect(inMemory).toContain('-inMemory');
    expect(inMemory).toContain('-disableTelemetry');
    for (const args of [persisted, inMemory]) expect(args).not.toContain('-sharedDb');
  });
});
