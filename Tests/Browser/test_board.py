"""The lead's board on a laptop: a lead adopts clusters, merges two drafts, writes and publishes;
the attendees see the new proposal; a stale edit shows the conflict page and keeps the text;
axe on every board page, as the lead and the admin, at 360 and 1280 px."""

import re

import pytest
from playwright.sync_api import expect

from conftest import SCREENSHOTS, screenshot, screenshot_of, sign_in
from test_accessibility import assert_no_violations
from test_attendee import api


def synthesis(page):
    return page.get_by_role("textbox", name=re.compile(r"^Synthèse"))


def board(site):
    return f"/ateliers/{site.workshop}/tableau"


def draft_path(site, title):
    """A draft written through the board's own form, for the tests that need one."""
    rows = site.sql(f"SELECT id FROM proposal WHERE workshop_id = '{site.workshop}' AND title = '{title}' AND deleted_at IS NULL")
    if not rows:
        api(site, "POST", f"/api/v1/workshops/{site.workshop}/proposals", "lead", {"title": title, "synthesis": "Première version."})
        rows = site.sql(f"SELECT id FROM proposal WHERE workshop_id = '{site.workshop}' AND title = '{title}' AND deleted_at IS NULL")
    return f"{board(site)}/propositions/{rows[0][0]}"


def test_a_lead_adopts_clusters_merges_two_drafts_and_publishes(browser, site):
    lead = sign_in(browser, site, "lead", width=1280)
    attendee = sign_in(browser, site, "attendee")
    attendee.goto(site.url(f"/ateliers/{site.workshop}"))

    # The demo clustered every workshop: adopt its first two candidates.
    lead.goto(site.url(board(site) + "/regroupements"))
    boxes = lead.locator("input[name=regroupement]")
    assert boxes.count() >= 2
    boxes.nth(0).check()
    boxes.nth(1).check()
    lead.get_by_role("button", name="Adopter les regroupements cochés comme brouillons").click()
    expect(lead.locator(".notice")).to_have_text("Les regroupements choisis sont devenus des brouillons.")

    # The board follows the workshop: a contribution posted meanwhile is announced, as text.
    lead.wait_for_timeout(500)
    api(site, "POST", f"/api/v1/workshops/{site.workshop}/contributions", "attendee",
        {"body": "Un guichet numérique dans chaque mairie, avec un médiateur"})
    expect(lead.locator("#direct")).to_contain_text("1 nouvelle contribution", timeout=10_000)

    # Merge the two new drafts, ticked on the board.
    drafts = lead.locator("input[type=checkbox][name=proposition]")
    assert drafts.count() == 2
    drafts.nth(0).check()
    drafts.nth(1).check()
    lead.get_by_label("Titre de la proposition fusionnée").fill("Une proposition fusionnée au tableau")
    lead.get_by_role("button", name="Fusionner", exact=True).click()
    expect(lead.locator("h1")).to_have_text("Une proposition fusionnée au tableau")

    # Write the synthesis, preview it, save, validate, publish.
    synthesis(lead).fill("Deux idées réunies.\n\n- **former** les élus\n- mutualiser les achats")
    lead.get_by_role("button", name="Aperçu de la synthèse").click()
    expect(lead.locator(".preview strong")).to_have_text("former")
    lead.get_by_role("button", name="Enregistrer le texte").click()
    expect(lead.locator(".notice")).to_have_text("Le texte est enregistré.")
    lead.get_by_role("button", name="Valider").click()
    expect(lead.locator(".status .badge")).to_have_text("Validée")
    lead.get_by_role("button", name="Publier").click()
    expect(lead.locator(".status .badge")).to_have_text("Publiée")

    # The attendee's page announces it live; their proposals page shows it.
    expect(attendee.locator("#direct")).to_contain_text("1 proposition publiée", timeout=10_000)
    attendee.goto(site.url(f"/ateliers/{site.workshop}/propositions"))
    expect(attendee.locator("li.card").filter(has_text="Une proposition fusionnée au tableau")).to_contain_text("Deux idées réunies.")
    lead.context.close()
    attendee.context.close()


def test_the_board_follows_votes_and_what_another_lead_does(browser, site):
    lead = sign_in(browser, site, "lead", width=1280)
    lead.goto(site.url(board(site) + "/regroupements"))
    tally = lead.locator(".member [data-tally]").first
    before = tally.inner_text()
    contribution = tally.get_attribute("data-tally")
    lead.wait_for_timeout(500)
    api(site, "PUT", f"/api/v1/contributions/{contribution}/vote", "admin", {"value": "disagree"})
    expect(tally).not_to_have_text(before, timeout=10_000)
    expect(lead.locator("#direct")).to_contain_text("1 mise à jour des votes")

    lead.goto(site.url(board(site)))
    lead.wait_for_timeout(500)
    api(site, "POST", f"/api/v1/workshops/{site.workshop}/proposals", "admin", {"title": "Écrite par l'administrateur"})
    expect(lead.locator("#direct")).to_contain_text("1 changement des propositions par un autre animateur", timeout=10_000)
    lead.context.close()


def test_a_stale_edit_shows_the_conflict_page_and_keeps_the_text(browser, site):
    path = draft_path(site, "Proposition disputée")
    lead = sign_in(browser, site, "lead", width=1280)
    lead.goto(site.url(path))
    version = lead.locator("form.proposal-form input[name=version]").get_attribute("value")
    # The admin changes it from elsewhere, through the API.
    proposal = path.rsplit("/", 1)[1]
    api(site, "PATCH", f"/api/v1/proposals/{proposal}", "admin", {"synthesis": "Réécrite par l'administrateur."}, int(version))

    synthesis(lead).fill("Mon texte écrit pendant vingt minutes.")
    with lead.expect_response(lambda response: response.request.method == "POST") as answer:
        lead.get_by_role("button", name="Enregistrer le texte").click()
    assert answer.value.status == 409
    expect(lead.locator("h1")).to_have_text("Quelqu'un a modifié cette proposition entre-temps")
    expect(lead.locator("#version-actuelle ~ .body")).to_have_text("Réécrite par l'administrateur.")
    expect(synthesis(lead)).to_have_value("Mon texte écrit pendant vingt minutes.")
    assert_no_violations(lead, "conflit 1280")
    screenshot(lead, "tableau-conflit-1280")
    lead.set_viewport_size({"width": 360, "height": 800})
    assert_no_violations(lead, "conflit 360")
    assert lead.evaluate("document.documentElement.scrollWidth") <= 360

    # Saved again, on the current version this time.
    lead.get_by_role("button", name="Enregistrer le texte").click()
    expect(lead.locator(".notice")).to_have_text("Le texte est enregistré.")
    lead.context.close()


def board_pages(site):
    proposal = draft_path(site, "Proposition disputée")
    contribution = site.sql(
        f"SELECT id FROM contribution WHERE workshop_id = '{site.workshop}' AND status = 'published' ORDER BY created_at LIMIT 1")[0][0]
    return [
        ("tableau", board(site)),
        ("tableau-regroupements", board(site) + "/regroupements"),
        ("tableau-proposition", proposal),
        ("tableau-historique", proposal + "/historique?de=1&a=2"),
        ("tableau-masquer", f"{board(site)}/contributions/{contribution}/masquer"),
    ]


@pytest.mark.parametrize("role", ["lead", "admin"])
@pytest.mark.parametrize("width", [360, 1280])
def test_every_board_page_has_no_violation(browser, site, role, width):
    page = sign_in(browser, site, role, width=width)
    for name, path in board_pages(site):
        response = page.goto(site.url(path))
        assert response.status == 200, f"{name}: {response.status}"
        # The clusters' members fold away: open them so that axe checks them too.
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        assert_no_violations(page, f"{role} {name} {width}")
        assert page.evaluate("document.documentElement.scrollWidth") <= width, f"{role} {name} scrolls sideways at {width}"
    page.context.close()


def test_board_screenshots_at_360_and_1920(browser, site):
    for width, height in [(360, 800), (1920, 1080)]:
        page = sign_in(browser, site, "lead", width=width, height=height)
        for name, path in board_pages(site)[:4]:
            page.goto(site.url(path))
            screenshot(page, f"{name}-{width}")
            if width == 360:
                # One screen only, small enough to commit under docs/ for the README.
                page.screenshot(path=str(SCREENSHOTS / f"docs-{name}-{width}.png"))
        page.context.close()


@pytest.mark.parametrize("name", ["tableau", "tableau-historique", "tableau-masquer"])
def test_board_controls_are_reached_by_tab_with_their_focus_visible(browser, site, name):
    from test_keyboard_and_security import FOCUSABLE, focused

    page = sign_in(browser, site, "lead", width=1280)
    page.goto(site.url(dict(board_pages(site))[name]))
    expected = page.evaluate(f"document.querySelectorAll({FOCUSABLE!r}).length")
    reached = set()
    for _ in range(expected + 5):
        page.keyboard.press("Tab")
        now = focused(page)
        if now["tag"] == "BODY":
            break
        assert now["visible"], f"focus not visible on {now}"
        reached.add(now["key"])
    assert len(reached) == expected, f"{len(reached)} of {expected} controls reached on {name}"
    page.context.close()


def test_a_lead_computes_the_opinion_groups_and_reads_them_on_the_board(browser, site):
    page = sign_in(browser, site, "lead", width=1280)
    page.goto(site.url(board(site)))
    section = page.locator("section", has=page.get_by_role("heading", name="Groupes d'opinion", exact=True))
    page.get_by_role("button", name="Calculer les groupes d'opinion").click()
    expect(page.locator(".notice").first).to_have_text(re.compile(r"^(Les groupes d'opinion sont calculés\.|Aucun vote n'a changé)"))
    # Each group with its size and what it stands for, in words; each line's standing in words too. A group's
    # number is the run's: the first may be below the minimum size and not shown, depending on the other tests' votes.
    expect(section.get_by_role("heading", name=re.compile(r"^Groupe \d \(\d+ participants\)$")).first).to_be_visible()
    expect(section).to_contain_text(re.compile(r"\d+ groupes? d'opinion parmi \d+ participants qui ont voté"))
    expect(section.locator("h3 + p + ul li").first).to_contain_text(re.compile(r"^(D'accord|Pas d'accord) à \d+ % : « "))
    assert_no_violations(page, "tableau groupes d'opinion 1280")
    section.scroll_into_view_if_needed()
    screenshot(page, "tableau-groupes-opinion-1280")
    screenshot_of(section, "tableau-groupes-opinion-section-1280")
    page.set_viewport_size({"width": 360, "height": 800})
    assert_no_violations(page, "tableau groupes d'opinion 360")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(page, "tableau-groupes-opinion-360")
    screenshot_of(section, "tableau-groupes-opinion-section-360")
    page.context.close()
