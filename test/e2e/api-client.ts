/** The JSON API, as the e2e tests use it to set up memos quickly (the browser does the story itself). */
export class ApiClient {
  private constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  /** A client for a token obtained elsewhere (a person of another organisation). */
  static withToken(baseUrl: string, token: string): ApiClient {
    return new ApiClient(baseUrl, token);
  }

  static async signIn(baseUrl: string, username: string): Promise<ApiClient> {
    const res = await fetch(`${baseUrl}/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ organisation: 'khampee', username, password: 'demo-password' }),
    });
    if (!res.ok) throw new Error(`sign-in ${username}: ${res.status}`);
    const body = (await res.json()) as { token: string };
    return new ApiClient(baseUrl, body.token);
  }

  /** The status and parsed body, whatever the status (for refusals a test expects). */
  async raw(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${this.token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
  }

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${this.token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  }

  /** A submitted memo: created, then numbered and sent up the chain. */
  async submittedMemo(
    subject: string,
    urgency = 'normal',
    purpose: 'information' | 'decision' = 'decision',
  ): Promise<string> {
    const memo = await this.call<{ id: string }>('POST', '/memos', {
      subject,
      urgency,
      purpose,
      body: [{ type: 'paragraph', text: `รายละเอียด${subject}` }],
    });
    await this.call('POST', `/memos/${memo.id}/submit`);
    return memo.id;
  }
}
