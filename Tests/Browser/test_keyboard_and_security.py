"""Keyboard only, and what protects the forms: a cross-site form is refused, and a page a role
may not open answers with a 403 page."""

import html
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from conftest import sign_in

FOCUSABLE = "a[href], button, input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex='-1'])"


def focused(page):
    return page.evaluate(
        """() => {
            const element = document.activeElement;
            const style = getComputedStyle(element);
            return {
                tag: element.tagName, id: element.id, text: (element.textContent || '').trim().slice(0, 40),
                key: [...document.querySelectorAll(%r)].indexOf(element),
                visible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
            };
        }""" % FOCUSABLE
    )


def test_the_skip_link_comes_first_and_moves_focus_to_the_content(browser, site):
    page = sign_in(browser, site, "attendee")
    page.goto(site.url(f"/ateliers/{site.workshop}"))
    page.keyboard.press("Tab")
    first = focused(page)
    assert first["text"] == "Aller au contenu" and first["visible"]
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "contenu"
    page.keyboard.press("Tab")
    # The first control of the content, not the header's.
    assert page.evaluate("document.activeElement.closest('main') !== null")
    page.context.close()


@pytest.mark.parametrize("path", ["/", "/ateliers/{workshop}", "/ateliers/{workshop}/propositions"])
def test_every_control_is_reached_by_tab_with_its_focus_visible(browser, site, path):
    page = sign_in(browser, site, "attendee", width=1280)
    page.goto(site.url(path.format(workshop=site.workshop)))
    expected = page.evaluate(f"document.querySelectorAll({FOCUSABLE!r}).length")
    reached = set()
    for _ in range(expected + 5):
        page.keyboard.press("Tab")
        now = focused(page)
        if now["tag"] == "BODY":
            break
        assert now["visible"], f"focus not visible on {now}"
        reached.add(now["key"])
    # No positive tabindex anywhere, and every control reached once.
    assert page.evaluate("[...document.querySelectorAll('[tabindex]')].every(e => e.tabIndex <= 0)")
    assert len(reached) == expected, f"{len(reached)} of {expected} controls reached on {path}"
    page.context.close()


def test_a_vote_by_keyboard_alone(browser, site):
    page = sign_in(browser, site, "attendee")
    page.goto(site.url(f"/ateliers/{site.workshop}"))
    button = page.locator("li.contribution").nth(3).get_by_role("button", name="Passer")
    button.focus()
    page.keyboard.press("Enter")
    target = page.locator("li.contribution").nth(3)
    target.locator(".my-vote").filter(has_text="Votre vote : passer.").wait_for()
    page.context.close()


def another_site(page_html):
    """A site of another origin, with no policy of ours, serving one page."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(page_html.encode())

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def test_a_form_posted_from_another_site_is_refused(browser, site):
    page = sign_in(browser, site, "attendee", javascript=False)
    csrf = page.locator("input[name=_csrf]").first.get_attribute("value")
    # Another site's page holds a form to the attendee's logout, with the right token even.
    forged = f"""<!doctype html><html lang="fr"><title>Ailleurs</title>
        <form method="post" action="{html.escape(site.url('/sortir'))}">
        <input type="hidden" name="_csrf" value="{html.escape(csrf)}"><button>Gagner un vélo</button></form>"""
    elsewhere = another_site(forged)
    evil = page.context.new_page()
    evil.goto(f"http://127.0.0.1:{elsewhere.server_address[1]}/")
    with evil.expect_navigation():
        evil.get_by_role("button", name="Gagner un vélo").click()
    assert evil.locator("h1").inner_text() == "Accès refusé"
    elsewhere.shutdown()
    # The attendee is still signed in, and the same form from their own page works.
    page.goto(site.url("/"))
    assert page.get_by_role("button", name="Se déconnecter").count() == 1
    page.get_by_role("button", name="Se déconnecter").click()
    assert page.url == site.url("/entrer")
    page.context.close()


@pytest.mark.parametrize("path", ["/tableau", "/tableau/regroupements"])
def test_an_attendee_cannot_open_the_lead_board(browser, site, path):
    """The board and its clusters: an attendee gets the 403 page, not a crash nor the board."""
    page = sign_in(browser, site, "attendee", javascript=False)
    response = page.goto(site.url(f"/ateliers/{site.workshop}{path}"))
    assert response.status == 403
    assert page.locator("h1").inner_text() == "Accès refusé"
    assert page.get_by_role("button", name="Fusionner").count() == 0
    page.context.close()
