"""An attendee on their phone: posts and votes with JavaScript off (ordinary forms), then on
(fetch, the characters-left count, the live events)."""

import json
import re
import urllib.request

from playwright.sync_api import expect

from conftest import sign_in


def workshop_page(page, site):
    page.goto(site.url(f"/ateliers/{site.workshop}"))


def contribution(page, text):
    """The list item of the contribution whose text is `text`."""
    return page.locator("li.contribution").filter(has_text=text)


def test_post_and_vote_with_javascript_off(browser, site):
    page = sign_in(browser, site, "attendee", javascript=False)
    workshop_page(page, site)
    # The limit is said in words when no script counts.
    assert page.locator("#body-aide").inner_text() == "2\u202f000 caractères au plus."
    page.get_by_role("button", name="Publier").click()
    body = page.get_by_role("textbox", name="Votre contribution")
    assert body.get_attribute("aria-invalid") == "true"
    assert "ne peut pas être vide" in page.locator("#body-erreur").inner_text()
    assert page.title().startswith("Erreur : ")

    text = "Sans script : un guichet numérique unique pour les petites communes"
    body.fill(text)
    page.get_by_role("button", name="Publier").click()
    assert page.get_by_role("status").filter(has_text="Votre contribution est publiée.").count() == 1
    mine = contribution(page, text)
    assert mine.get_by_role("heading", name="Votre contribution").count() == 1
    assert mine.get_by_role("link", name="Modifier ou retirer votre contribution").count() == 1

    other = page.locator("li.contribution").nth(1)
    other.get_by_role("group").get_by_role("button", name="Pas d'accord").click()
    other = page.locator("li.contribution").nth(1)
    assert other.get_by_role("button", name="Pas d'accord").get_attribute("aria-pressed") == "true"
    assert other.locator(".my-vote").inner_text() == "Votre vote : pas d'accord."
    other.get_by_role("button", name="Passer").click()
    other = page.locator("li.contribution").nth(1)
    assert other.locator(".my-vote").inner_text() == "Votre vote : passer."
    page.context.close()


def test_post_and_vote_with_javascript_on(browser, site):
    page = sign_in(browser, site, "attendee")
    workshop_page(page, site)
    body = page.get_by_role("textbox", name="Votre contribution")
    body.fill("Des ateliers de médiation numérique dans chaque mairie")
    # Polled with locators: the page's policy forbids the eval a wait_for_function would need.
    expect(page.locator("#body-reste")).to_have_text("1\u202f946 caractères restants")
    page.get_by_role("button", name="Publier").click()
    page.wait_for_url(re.compile(r".*message=publiee.*"))

    # A vote changes the page in place: no navigation, the tally and the status line say it.
    page.evaluate("window.sansRechargement = true")
    target = page.locator("li.contribution").nth(2)
    before = target.locator(".tally").inner_text()
    target.get_by_role("button", name="D'accord", exact=True).click()
    expect(page.locator("#direct")).to_contain_text("Vote enregistré.")
    assert page.evaluate("window.sansRechargement") is True
    assert target.get_by_role("button", name="D'accord", exact=True).get_attribute("aria-pressed") == "true"
    assert target.get_by_role("button", name="Passer").get_attribute("aria-pressed") == "false"
    assert target.locator(".my-vote").inner_text() == "Votre vote : d'accord."
    assert target.locator(".tally").inner_text() != before
    page.context.close()


def test_votes_from_elsewhere_arrive_through_the_event_stream(browser, site):
    page = sign_in(browser, site, "attendee")
    workshop_page(page, site)
    target = page.locator("li.contribution").first
    tally = target.locator(".tally")
    identifier = tally.get_attribute("data-tally")
    before = tally.inner_text()
    # Let the stream open before the vote, so it comes live rather than by replay.
    page.wait_for_timeout(500)
    # The lead votes through the JSON API, from another device.
    request = urllib.request.Request(
        site.url(f"/api/v1/contributions/{identifier}/vote"), method="PUT", data=json.dumps({"value": "disagree"}).encode(),
        headers={"Authorization": f"Bearer {site.people['lead'].token}", "Content-Type": "application/json"})
    urllib.request.urlopen(request).read()
    expect(tally).not_to_have_text(before, timeout=10_000)
    expect(page.locator("#direct")).to_contain_text("mise à jour des votes")
    page.context.close()


def api(site, method, path, role, body=None, version=None):
    headers = {"Authorization": f"Bearer {site.people[role].token}", "Content-Type": "application/json"}
    if version is not None:
        headers["If-Match"] = f'"{version}"'
    request = urllib.request.Request(site.url(path), method=method, data=json.dumps(body).encode() if body else None, headers=headers)
    return json.loads(urllib.request.urlopen(request).read() or b"{}")


def test_published_proposals_are_endorsed_and_the_endorsement_withdrawn(browser, site):
    # The lead publishes a proposal through the API, as the board will do.
    source = site.sql(f"SELECT id FROM contribution WHERE workshop_id = '{site.workshop}' AND status = 'published' LIMIT 1")[0][0]
    proposal = api(site, "POST", f"/api/v1/workshops/{site.workshop}/proposals", "lead",
                   {"title": "Un référent numérique par commune", "synthesis": "Former et nommer un référent.", "sources": [source]})
    version = proposal["version"]
    for status in ["validated", "published"]:
        version = api(site, "PATCH", f"/api/v1/proposals/{proposal['id']}", "lead", {"status": status}, version)["version"]

    page = sign_in(browser, site, "attendee", javascript=False)
    page.goto(site.url(f"/ateliers/{site.workshop}/propositions"))
    card = page.locator("li.card").filter(has_text="Un référent numérique par commune")
    assert "Issue de 1 contribution" in card.inner_text()
    card.get_by_role("button", name="Soutenir cette proposition").click()
    card = page.locator("li.card").filter(has_text="Un référent numérique par commune")
    assert "1 soutien dont le vôtre" in card.inner_text()
    card.get_by_role("button", name="Retirer mon soutien").click()
    card = page.locator("li.card").filter(has_text="Un référent numérique par commune")
    assert "0 soutien." in card.inner_text()
    assert card.get_by_role("button", name="Soutenir cette proposition").count() == 1
    page.context.close()
