import { APIRequestContext, expect } from '@playwright/test';

export type TaskOutput = {
  links: Array<{ title: string; entityRef?: string; url?: string }>;
  text: Array<{ title: string; content: string }>;
};

/** Starts a task from a template and resolves with its output once it completed. */
export async function runTemplate(
  api: APIRequestContext,
  template: string,
  values: object,
): Promise<TaskOutput & { taskId: string }> {
  const created = await api.post('/api/scaffolder/v2/tasks', {
    data: { templateRef: `template:default/${template}`, values },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = await created.json();
  const events = async () =>
    (await api.get(`/api/scaffolder/v2/tasks/${id}/events`)).json();
  for (;;) {
    const task = await (await api.get(`/api/scaffolder/v2/tasks/${id}`)).json();
    if (task.status === 'completed') {
      const output = (await events()).find(
        (e: { type: string }) => e.type === 'completion',
      ).body.output;
      return { ...output, taskId: id };
    }
    if (task.status === 'failed' || task.status === 'cancelled') {
      const log = (await events()).map(
        (e: { body: { message?: string } }) => e.body.message,
      );
      throw new Error(`${template} ${task.status}:\n${log.join('\n')}`);
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
}
