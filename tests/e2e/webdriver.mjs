// A small W3C WebDriver client and the harness that starts Keel in a real WebKitGTK
// window through tauri-driver. No dependencies: Node's fetch and child_process only.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

// A key not listed here is a mistake in the test (it would type "undefined"): say so.
export const Key = new Proxy({
  Backspace: '\uE003',
  Enter: '\uE007',
  Escape: '\uE00C',
  Tab: '\uE004',
  Alt: '\uE00A',
  Shift: '\uE008',
  Control: '\uE009',
  End: '\uE010',
  Home: '\uE011',
  ArrowRight: '\uE014',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowDown: '\uE015',
  PageUp: '\uE00E',
  PageDown: '\uE00F',
}, {
  get(keys, name) {
    if (!(name in keys)) throw new Error(`no WebDriver key named ${String(name)}`);
    return keys[name];
  },
});

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** A TCP port nobody is listening on right now. */
async function freePort() {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  await once(server, 'close');
  return port;
}

async function portIsFree(port) {
  const server = createServer();
  server.listen(port, '127.0.0.1');
  try {
    await once(server, 'listening');
    server.close();
    await once(server, 'close');
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** tauri-driver on a fresh pair of ports, with the given environment for the app. */
export class Driver {
  static async start(env) {
    let port;
    for (;;) {
      port = await freePort();
      if (await portIsFree(port + 1)) break;
    }
    const child = spawn('tauri-driver', ['--port', String(port), '--native-port', String(port + 1)], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const driver = new Driver(child, `http://127.0.0.1:${port}`, () => output);
    for (let i = 0; i < 100; i++) {
      if (child.exitCode !== null) throw new Error(`tauri-driver exited early:\n${output}`);
      try {
        const res = await fetch(`${driver.url}/status`);
        if (res.ok) return driver;
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    await driver.stop();
    throw new Error(`tauri-driver did not start listening:\n${output}`);
  }

  constructor(child, url, output) {
    this.child = child;
    this.url = url;
    this.output = output;
  }

  async session(application) {
    const res = await fetch(`${this.url}/session`, {
      method: 'POST',
      signal: AbortSignal.timeout(60000),
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        capabilities: { alwaysMatch: { browserName: 'wry', 'tauri:options': { application } } },
      }),
    });
    const body = await res.json();
    if (!res.ok) throw new Error(`could not start a session: ${JSON.stringify(body)}\n${this.output()}`);
    return new Session(`${this.url}/session/${body.value.sessionId}`);
  }

  /** SIGTERM, then wait: SIGKILL would leave WebKitWebDriver behind on the native port.
   *  The output pipes are closed too: the app inherits them, and an app that outlives
   *  its driver must not keep this process alive. */
  async stop() {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = once(this.child, 'exit');
      this.child.kill('SIGTERM');
      await exited;
    }
    this.child.stdout.destroy();
    this.child.stderr.destroy();
  }
}

export class Session {
  constructor(url) {
    this.url = url;
  }

  async call(method, path, body) {
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
      // A command that hangs (a native popup grabbing the window, say) fails the test.
      signal: AbortSignal.timeout(30000),
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json.value)}`);
    return json.value;
  }

  async find(css) {
    const value = await this.call('POST', '/element', { using: 'css selector', value: css });
    return new Element(this, value[ELEMENT], css);
  }

  async findAll(css) {
    const values = await this.call('POST', '/elements', { using: 'css selector', value: css });
    return values.map((v) => new Element(this, v[ELEMENT], css));
  }

  /** Waits until `css` matches an element (and `until(element)` holds, if given). Timed
   *  on the monotonic clock: a jump of the machine's wall clock must not end a wait. */
  async waitFor(css, until = async () => true, timeoutMs = 20000) {
    const deadline = performance.now() + timeoutMs;
    let last;
    while (performance.now() < deadline) {
      try {
        const el = await this.find(css);
        if (await until(el)) return el;
      } catch (error) {
        last = error;
      }
      await sleep(100);
    }
    throw new Error(`timed out waiting for ${css}${last ? `: ${last.message}` : ''}`);
  }

  /** Waits until the element's text (all of it, even where CSS cuts it off) contains `text`. */
  async waitForText(css, text, timeoutMs) {
    return this.waitFor(css, async (el) => String(await el.property('textContent')).includes(text), timeoutMs);
  }

  async waitForCount(css, count, timeoutMs = 20000) {
    const deadline = performance.now() + timeoutMs;
    let found = -1;
    while (performance.now() < deadline) {
      found = (await this.findAll(css)).length;
      if (found === count) return;
      await sleep(100);
    }
    throw new Error(`expected ${count} elements for ${css}, found ${found}`);
  }

  /** Presses a chord such as Alt+2 on whatever has the focus. */
  async chord(...keys) {
    const down = keys.map((value) => ({ type: 'keyDown', value }));
    const up = [...keys].reverse().map((value) => ({ type: 'keyUp', value }));
    await this.call('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions: [...down, ...up] }] });
    await this.call('DELETE', '/actions');
  }

  /** Presses the mouse on `element`, moves it by (dx, dy) in steps, and lets go. */
  async drag(element, dx, dy) {
    const steps = [1, 2, 3, 4].map(() => ({
      type: 'pointerMove',
      origin: 'pointer',
      x: Math.round(dx / 4),
      y: Math.round(dy / 4),
      duration: 50,
    }));
    const actions = [
      { type: 'pointerMove', origin: { [ELEMENT]: element.id }, x: 0, y: 0 },
      { type: 'pointerDown', button: 0 },
      ...steps,
      { type: 'pointerUp', button: 0 },
    ];
    await this.call('POST', '/actions', {
      actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }],
    });
    await this.call('DELETE', '/actions');
  }

  /** Types on whatever has the focus, key by key, as a person would. */
  async keys(text) {
    const actions = [...text].flatMap((value) => [
      { type: 'keyDown', value },
      { type: 'keyUp', value },
    ]);
    await this.call('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
    await this.call('DELETE', '/actions');
  }

  /** Runs `work` with another window (the presentation window, say) as the current one,
   *  then comes back. */
  async inOtherWindow(work) {
    const main = await this.call('GET', '/window');
    const deadline = performance.now() + 20000;
    let other;
    while (!other && performance.now() < deadline) {
      other = (await this.call('GET', '/window/handles')).find((h) => h !== main);
      if (!other) await sleep(100);
    }
    if (!other) throw new Error('no second window appeared');
    await this.call('POST', '/window', { handle: other });
    try {
      return await work();
    } finally {
      await this.call('POST', '/window', { handle: main });
    }
  }

  /** Runs a script in the page and returns its result. */
  async execute(script, args = []) {
    return this.call('POST', '/execute/sync', { script, args });
  }

  async screenshot(path) {
    // Let the page paint what the last step changed before the picture is taken.
    await this.execute('return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true))));');
    const png = await this.call('GET', '/screenshot');
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, Buffer.from(png, 'base64'));
  }

  async close() {
    await this.call('DELETE', '');
  }
}

export class Element {
  constructor(session, id, css) {
    this.session = session;
    this.id = id;
    this.css = css;
  }

  /** Types into the element (focusing it first), as a keyboard would. */
  async type(text) {
    await this.session.call('POST', `/element/${this.id}/value`, { text });
  }

  async text() {
    return this.session.call('GET', `/element/${this.id}/text`);
  }

  async click() {
    await this.session.call('POST', `/element/${this.id}/click`, {});
  }

  async value() {
    return this.property('value');
  }

  /** A DOM property, e.g. `textContent` (all the text, even where CSS cuts it off). */
  async property(name) {
    return this.session.call('GET', `/element/${this.id}/property/${name}`);
  }
}
