"""The browser tests' harness: a real `atelier serve` on a free port, over a fresh database
migrated and loaded with the demo congress, and Debian's Chromium driven by Playwright.

Run by `make test` through deploy/browser-tests.sh, which gives DATABASE_URL (a throwaway
cluster) and ATELIER_BIN. Participants sign in the way people do: a badge code issued with
`atelier participants code`, typed at /entrer.
"""

import os
import socket
import subprocess
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "screenshots"


@dataclass
class Person:
    role: str
    id: str
    code: str
    token: str


@dataclass
class Site:
    base: str
    database_url: str
    workshop: str
    people: dict

    def url(self, path):
        return self.base + path

    def sql(self, query):
        return psql(self.database_url, query)


def psql(url, query):
    out = subprocess.run(["psql", url, "-Atc", query], check=True, capture_output=True, text=True)
    return [line.split("|") for line in out.stdout.splitlines() if line]


def atelier(*args, database_url):
    env = dict(os.environ, DATABASE_URL=database_url)
    binary = os.environ.get("ATELIER_BIN", str(ROOT / ".build/debug/atelier"))
    return subprocess.run([binary, *args], check=True, capture_output=True, text=True, env=env).stdout.strip()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def site():
    server_url = os.environ["DATABASE_URL"]
    name = f"browser_{os.getpid()}"
    psql(server_url, f"CREATE DATABASE {name}")
    database_url = server_url.rsplit("/", 1)[0] + "/" + name
    atelier("migrate", database_url=database_url)
    atelier("demo", database_url=database_url)
    # The demo's first workshop, and one lead of it, one attendee, one admin.
    workshop = psql(database_url, "SELECT id FROM workshop ORDER BY position LIMIT 1")[0][0]
    chosen = {
        "attendee": "SELECT id FROM participant WHERE role = 'attendee' ORDER BY display_name LIMIT 1",
        "lead": f"SELECT participant_id FROM workshop_lead WHERE workshop_id = '{workshop}' LIMIT 1",
        "admin": "SELECT id FROM participant WHERE role = 'admin' LIMIT 1",
    }
    people = {}
    for role, query in chosen.items():
        pid = psql(database_url, query)[0][0]
        code = atelier("participants", "code", "--id", pid, database_url=database_url)
        token = atelier("participants", "token", "--id", pid, database_url=database_url)
        people[role] = Person(role, pid, code, token)
    port = free_port()
    binary = os.environ.get("ATELIER_BIN", str(ROOT / ".build/debug/atelier"))
    SCREENSHOTS.mkdir(exist_ok=True)
    log = open(SCREENSHOTS / "serve.log", "w")
    server = subprocess.Popen(
        [binary, "serve", "--host", "127.0.0.1", "--port", str(port), "--no-embeddings"],
        env=dict(os.environ, DATABASE_URL=database_url, LOG_LEVEL="warning"), stdout=log, stderr=log)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while True:
        try:
            urllib.request.urlopen(base + "/health", timeout=1)
            break
        except OSError:
            if server.poll() is not None or time.time() > deadline:
                raise RuntimeError("atelier serve did not start; see screenshots/serve.log")
            time.sleep(0.2)
    yield Site(base, database_url, workshop, people)
    server.terminate()
    server.wait(timeout=30)
    log.close()


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        yield chromium
        chromium.close()


def sign_in(browser, site, role, width=360, height=800, javascript=True):
    """A new browser context (its own cookies) signed in as `role` by typing its badge code."""
    context = browser.new_context(viewport={"width": width, "height": height}, java_script_enabled=javascript, locale="fr-FR")
    page = context.new_page()
    page.goto(site.url("/entrer"))
    page.get_by_label("Code personnel").fill(site.people[role].code)
    page.get_by_role("button", name="Entrer").click()
    page.wait_for_url(site.url("/"))
    return page


def screenshot_of(locator, name):
    """One part of a page, whole: for a section further down than `screenshot` reaches."""
    SCREENSHOTS.mkdir(exist_ok=True)
    locator.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def screenshot(page, name):
    """The top of the page, up to two screens high: what a person sees first, at a size one can look at."""
    SCREENSHOTS.mkdir(exist_ok=True)
    size = page.viewport_size
    height = min(page.evaluate("document.documentElement.scrollHeight"), 2 * size["height"])
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True, clip={"x": 0, "y": 0, "width": size["width"], "height": height})
