"""The admin's pages in Chromium: axe at 360 and 1280 px, the bulk import with a file of bad lines
(nothing imported, each line said next to the field) then a good one, and the badge sheet, whose
codes sign in and which prints eight badges to an A4 page."""

import re

import pytest
from playwright.sync_api import expect

from conftest import screenshot, sign_in
from test_accessibility import assert_no_violations

BAD = "nom;collectivité;rôle;ateliers\r\n;Ville d'Auch (32);participant·e;\r\nLuc Roy;Condom;chef;jardinage\r\n"
GOOD = "\ufeffnom;collectivité;rôle;ateliers\r\nNadia Ferrand;Ville de Marmande (47);participante;\r\nOscar Lenoir;Agglomération d'Agen (47);animateur·rice;{slug}\r\n"


def upload(page, text):
    page.goto(page.url.split("/admin")[0] + "/admin/participants")
    page.get_by_label("Fichier d'inscription (CSV)").set_input_files(
        files=[{"name": "inscrits.csv", "mimeType": "text/csv", "buffer": text.encode("utf-8")}])
    page.get_by_role("button", name="Importer").click()


def registered(site):
    return int(site.sql("SELECT count(*) FROM participant")[0][0])


@pytest.mark.parametrize("width", [360, 1280])
def test_the_admin_pages_have_no_violation(browser, site, width):
    page = sign_in(browser, site, "admin", width=width)
    for path in ["/admin", "/admin/participants", "/admin/badges", "/admin/journal"]:
        page.goto(site.url(path))
        assert_no_violations(page, f"admin {path} {width}")
        assert page.evaluate("document.documentElement.scrollWidth") <= width, f"{path} scrolls sideways at {width}"
    upload(page, BAD)
    assert_no_violations(page, f"admin import refused {width}")
    page.context.close()


def test_the_admin_pages_reflow_at_320_px(browser, site):
    """RGAA 10.11: at 320 CSS pixels (a 640 px window at 200 %), nothing scrolls sideways, the refused import included."""
    page = sign_in(browser, site, "admin", width=320)
    for path in ["/admin", "/admin/participants", "/admin/badges", "/admin/journal"]:
        page.goto(site.url(path))
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, f"{path} scrolls sideways at 320 px"
    upload(page, BAD)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320, "the refused import scrolls sideways at 320 px"
    page.context.close()


def test_a_file_with_bad_lines_imports_nobody_then_a_good_one_imports_everyone(browser, site):
    page = sign_in(browser, site, "admin", width=360)
    before = registered(site)
    upload(page, BAD)
    field = page.get_by_label("Fichier d'inscription (CSV)")
    assert field.get_attribute("aria-invalid") == "true"
    assert "fichier-erreurs" in field.get_attribute("aria-describedby")
    errors = page.locator("#fichier-erreurs li")
    expect(errors).to_have_text([
        "Ligne 2 : le nom manque",
        "Ligne 3 : rôle inconnu « chef » (participant·e, animateur·rice ou administrateur·rice)",
        "Ligne 3 : atelier inconnu « jardinage »",
    ])
    assert page.title().startswith("Erreur : ")
    assert registered(site) == before
    screenshot(page, "admin-import-erreurs-360")

    slug = site.sql(f"SELECT slug FROM workshop WHERE id = '{site.workshop}'")[0][0]
    upload(page, GOOD.format(slug=slug))
    expect(page.get_by_role("status")).to_have_text(re.compile("Import terminé : 2 personnes ajoutées"))
    assert registered(site) == before + 2
    expect(page.get_by_role("row", name=re.compile("Oscar Lenoir"))).to_contain_text("animateur")
    upload(page, GOOD.format(slug=slug))
    expect(page.get_by_role("status")).to_have_text(re.compile("2 déjà inscrites à l'identique"))
    assert registered(site) == before + 2
    page.context.close()


def test_the_badge_sheet_issues_codes_that_sign_in_and_prints_eight_to_a_page(browser, site):
    page = sign_in(browser, site, "admin", width=1280)
    page.goto(site.url("/admin/badges"))
    # Those without a code yet: the people the other tests sign in as keep theirs.
    page.get_by_role("button", name="Émettre les codes et afficher la planche").click()
    expect(page.get_by_role("status")).to_contain_text("d'être émis")
    badges = page.locator("li.badge-card")
    count = badges.count()
    assert count > 8
    assert_no_violations(page, "badge sheet 1280")
    code = badges.first.locator(".badge-code .code").inner_text()
    assert re.fullmatch(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}", code)
    assert badges.first.locator(".badge-link .code").inner_text() == site.url(f"/entrer/{code}")
    screenshot(page, "badges-1280")
    page.emulate_media(media="print")
    screenshot(page, "badges-impression")
    pdf = page.pdf(prefer_css_page_size=True)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages == (count + 7) // 8, f"{count} badges on {pages} A4 pages"

    holder = browser.new_context(viewport={"width": 360, "height": 800}).new_page()
    holder.goto(site.url("/entrer"))
    holder.get_by_label("Code personnel").fill(code.lower().replace("-", " "))
    holder.get_by_role("button", name="Entrer").click()
    holder.wait_for_url(site.url("/"))
    holder.context.close()
    page.context.close()


def test_admin_screenshots_at_360_and_1920(browser, site):
    for width, height in [(360, 800), (1920, 1080)]:
        page = sign_in(browser, site, "admin", width=width, height=height)
        for name, path in [("admin", "/admin"), ("admin-participants", "/admin/participants")]:
            page.goto(site.url(path))
            screenshot(page, f"{name}-{width}")
        page.context.close()


@pytest.mark.parametrize("width", [360, 1280])
def test_the_journal_shows_an_export_with_its_request_id_and_pages_through_every_line(browser, site, width):
    # Enough earlier lines for the journal to take more than one page.
    site.sql("INSERT INTO audit_log (congress_id, action, target, request_id) "
             f"SELECT id, 'export', 'congress', 'seed-{width}-' || n FROM congress, generate_series(1, 60) n")
    page = sign_in(browser, site, "admin", width=width)
    request_id = f"journal-export-{width}"
    assert page.request.get(site.url("/admin/export?format=md"), headers={"X-Request-Id": request_id}).ok
    page.goto(site.url("/admin"))
    page.get_by_role("navigation", name="Administration").get_by_role("link", name="Journal des actions").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Journal des actions")
    newest = page.locator("tbody tr").first
    expect(newest).to_contain_text(request_id)
    expect(newest).to_contain_text("Export")
    expect(newest).to_contain_text("le congrès")
    expect(newest).to_contain_text("format : md")
    assert_no_violations(page, f"journal {width}")
    screenshot(page, f"admin-journal-{width}")
    total = int(site.sql("SELECT count(*) FROM audit_log")[0][0])
    rows, seen = 0, []
    while True:
        rows += page.locator("tbody tr").count()
        seen += page.locator("tbody tr td code").all_inner_texts()
        following = page.get_by_role("link", name="Suivant")
        if following.count() == 0:
            break
        page.goto(site.url(following.get_attribute("href")))
    assert rows == total and len(set(seen)) == len(seen) and request_id in seen
    page.context.close()
