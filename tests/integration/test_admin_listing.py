"""The submission page shows the generated English listing beside the owner's words, each
sentence with the words it came from, and the listing's readiness (issue 18)."""

from __future__ import annotations

import html as entities

from tests.integration.test_admin import (  # noqa: F401 - fixtures
    Desk,
    add_user,
    client,
    onboard,
    settings,
    submission_ids,
)


async def test_the_generated_listing_is_shown_with_its_evidence(client, db):  # noqa: F811
    await add_user(db, "amina@tijara.ma")
    await onboard(client, products=(("Huile d'argan", 2),))
    (sid,) = (await submission_ids(db)).values()
    desk = Desk(client)
    await desk.login("amina@tijara.ma")
    page = entities.unescape(await desk.text(f"/admin/submissions/{sid}"))
    assert "Fiche anglaise générée" in page
    assert '<p class="en-title" lang="en" dir="ltr">Cosmetic Argan Oil</p>' in page
    assert "Code SH 1515.90" in page
    # "Pressée à froid, bio, de nos arganiers." -> two sentences, each with its words.
    assert "<span>Cold-pressed.</span>" in page and "<bdi>Pressée à froid</bdi>" in page
    assert "<span>Certification: certified organic.</span>" in page and "<bdi>bio</bdi>" in page
    # 150 DH le litre at the default rate, its date shown; 20 litres in US fl oz too.
    assert "Price: 150 MAD per L (about 15.00 USD per L at 0.10 USD/MAD, rate of 2025-06-01)." \
        in page
    assert "Minimum order: 20 L (676.3 US fl oz)." in page
    # No place named in the description: no origin sentence.
    assert "Morocco" not in page.split("Fiche anglaise générée")[1].split("</ul>")[0]
    assert "Prête pour les acheteurs" in page and "data-score=" in page

    await desk.get("/admin/lang/ar?next=/admin/submissions")
    page = entities.unescape(await desk.text(f"/admin/submissions/{sid}"))
    assert "البطاقة الإنجليزية المولَّدة" in page and "جاهزية للمشترين" in page
