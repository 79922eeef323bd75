// Helpers of the browser tests: a real `kontor serve` on a free port with a temporary store,
// Debian's chromium through playwright-core (resolved from web/node_modules; no browser
// download), and a tiny test list that prints "N passed, N failed".
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export const kSkip = 77;  // CTest SKIP_RETURN_CODE

export function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i].startsWith("--")) args[argv[i].slice(2)] = argv[i + 1], (i += 1);
  }
  return args;
}

export function chromiumPath() {
  const candidate = process.env.KONTOR_CHROMIUM || "/usr/bin/chromium";
  return existsSync(candidate) ? candidate : null;
}

export function loadPlaywright(webDir) {
  const require = createRequire(path.join(webDir, "package.json"));
  try {
    return require("playwright-core");
  } catch (err) {
    throw new Error(`playwright-core not found under ${webDir}/node_modules: run \`make web\` (npm ci in web/) first (${err.message})`);
  }
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// Starts `kontor serve` and resolves with {url (with #token=…), origin, stop()} once it prints
// the address to open.
export async function startServer({ kontor, webDist, timeoutMs = 120000 }) {
  const home = mkdtempSync(path.join(os.tmpdir(), "kontor-browser-"));
  const port = await freePort();
  const args = ["serve", "--port", String(port), "--host", "127.0.0.1", "--db", path.join(home, "kontor.db"), "--web-dir", webDist];
  const child = spawn(kontor, args, {
    env: { ...process.env, KONTOR_HOME: home },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`kontor serve printed no address within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const scan = (chunk) => {
      output += chunk.toString();
      const match = /Open (http:\/\/\S+#token=\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on("data", scan);
    child.stderr.on("data", scan);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`kontor serve exited (${code ?? signal}) before printing its address:\n${output}`));
    });
  });
  child.stdout.on("data", (c) => (output += c.toString()));
  child.stderr.on("data", (c) => (output += c.toString()));
  const origin = new URL(url).origin;
  return {
    url,
    origin,
    log: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 15000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(home, { recursive: true, force: true });
    },
  };
}

// The flags the machine notes ask for: no sandbox as root, no background network calls (the
// network is closed and every refused connection slows the start).
export const kChromiumFlags = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
  "--disable-dev-shm-usage",
];

export class TestList {
  constructor(screenshots) {
    this.tests = [];
    this.screenshots = screenshots;
    mkdirSync(screenshots, { recursive: true });
  }

  add(name, fn) {
    this.tests.push({ name, fn });
  }

  async run(context) {
    let passed = 0;
    let failed = 0;
    for (const { name, fn } of this.tests) {
      const started = Date.now();
      try {
        await fn(context);
        passed += 1;
        console.log(`[ PASS ] ${name} (${Date.now() - started} ms)`);
      } catch (err) {
        failed += 1;
        console.log(`[ FAIL ] ${name}: ${err.stack ?? err}`);
        if (context.page) {
          await context.page.screenshot({ path: path.join(this.screenshots, `FAILED-${name.replace(/\W+/g, "_")}.png`), fullPage: true }).catch(() => {});
        }
      }
    }
    console.log(`${passed} passed, ${failed} failed`);
    return failed === 0;
  }
}

export function expect(condition, message) {
  if (!condition) throw new Error(message);
}
