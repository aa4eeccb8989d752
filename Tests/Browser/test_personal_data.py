""""Mes données": the summary and the download, then an erasure refused without its confirmation
and done with it, on a phone and a laptop; axe finds no violation on either page."""

import json
import urllib.request

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import atelier, screenshot, sign_in
from test_accessibility import WCAG


def assert_no_violations(page, label):
    results = Axe().run(page, options=WCAG)
    violations = [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in results.response["violations"]]
    assert violations == [], f"{label}: {violations}"


@pytest.mark.parametrize("width", [360, 1280])
def test_my_data_page_summarises_and_downloads_everything(browser, site, width):
    page = sign_in(browser, site, "attendee", width=width)
    page.get_by_role("link", name="Mes données").click()
    page.wait_for_url(site.url("/mes-donnees"))
    assert page.get_by_role("heading", level=1).inner_text() == "Mes données"
    assert "votes" in page.locator("main ul").inner_text()
    assert_no_violations(page, f"mes-donnees {width}")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(page, f"mes-donnees-{width}")
    with page.expect_download() as download:
        page.get_by_role("link", name="Télécharger toutes mes données (fichier JSON)").click()
    assert download.value.suggested_filename == "mes-donnees.json"
    document = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert document["participant"]["id"] == site.people["attendee"].id
    assert len(document["votes"]) == int(site.sql(f"SELECT count(*) FROM vote WHERE participant_id = '{site.people['attendee'].id}'")[0][0])
    page.context.close()


def test_erasure_needs_its_confirmation_then_ends_the_session(browser, site):
    # Someone of their own, so that the people the other tests sign in as stay.
    token = atelier("participants", "add", "--congress", "agen-2026", "--name", "Camille Effacée", "--organisation", "Ville de Test",
                    "--role", "attendee", "--named", database_url=site.database_url)
    pid = site.sql("SELECT id FROM participant WHERE display_name = 'Camille Effacée'")[0][0]
    code = atelier("participants", "code", "--id", pid, database_url=site.database_url)
    request = urllib.request.Request(
        site.url(f"/api/v1/workshops/{site.workshop}/contributions"), method="POST",
        data=json.dumps({"body": "Une idée que je retirerai"}).encode(),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    urllib.request.urlopen(request)

    context = browser.new_context(viewport={"width": 360, "height": 800}, locale="fr-FR")
    page = context.new_page()
    page.goto(site.url("/entrer"))
    page.get_by_label("Code personnel").fill(code)
    page.get_by_role("button", name="Entrer").click()
    page.wait_for_url(site.url("/"))
    page.goto(site.url("/mes-donnees"))
    page.get_by_label("Les retirer (les participants ne les verront plus)").check()
    page.get_by_role("button", name="Effacer mes données").click()
    # Refused without the box ticked: the page again, the choice kept, the error tied to the box.
    assert page.get_by_label("Je comprends que l'effacement est définitif").get_attribute("aria-invalid") == "true"
    assert page.get_by_label("Les retirer (les participants ne les verront plus)").is_checked()
    assert site.sql(f"SELECT display_name FROM participant WHERE id = '{pid}'") == [["Camille Effacée"]]
    assert_no_violations(page, "mes-donnees (erreur)")

    page.get_by_label("Je comprends que l'effacement est définitif").check()
    page.get_by_role("button", name="Effacer mes données").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Vos données sont effacées"
    assert_no_violations(page, "donnees-effacees")
    screenshot(page, "donnees-effacees-360")
    assert site.sql(f"SELECT display_name, organisation IS NULL, erased_at IS NOT NULL FROM participant WHERE id = '{pid}'") == [
        ["anonyme", "t", "t"]]
    assert site.sql(f"SELECT status FROM contribution WHERE author_id = '{pid}'") == [["withdrawn"]]
    # The session is gone, and the badge code with it.
    page.goto(site.url("/mes-donnees"))
    assert page.url.startswith(site.url("/entrer"))
    page.get_by_label("Code personnel").fill(code)
    page.get_by_role("button", name="Entrer").click()
    assert page.get_by_label("Code personnel").get_attribute("aria-invalid") == "true"
    context.close()
