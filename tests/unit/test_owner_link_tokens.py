"""An owner's link: its signature and expiry (bot/signing.py), and what the engine tells the
agent when WhatsApp cannot reach the owner (flows, with `Context.owner_reach`)."""

from __future__ import annotations

from dataclasses import replace

from bot.logs import scrub
from bot.signing import LinkSigner, Signer
from flows.model import Input, OwnerConfirmation, OwnerReach
from tests.unit.test_console import assisted_draft, ctx, drive, keys, resume

NOW = 1_800_000_000.0
WEEK = 7 * 86400
LINK = OwnerReach(whatsapp=False, link="https://tijara.ma/chat?ref=own-x",
                  qr="https://tijara.ma/agents/confirm/x.png", days=7)


def assisting(reach: OwnerReach | None):
    return replace(ctx(assisting=True), owner_reach=reach)


def test_a_token_names_one_draft_until_it_expires():
    signer = LinkSigner("secret")
    token = signer.token(4242, ttl=WEEK, now=NOW)
    assert signer.read(token, NOW + WEEK - 1) == ("ok", 4242)
    assert signer.read(token, NOW + WEEK + 1) == ("expired", 4242)
    assert len(token) < 60 and token.replace("-", "").isalnum()  # fits a URL and t.me


def test_a_forged_or_foreign_token_names_nothing():
    signer = LinkSigner("secret")
    cid, expires, signature = signer.token(4242, ttl=WEEK, now=NOW).split("-")
    for forged in (f"{cid}-{expires}-{signature[:-1]}0", f"{cid}-{expires}-{signature[:-1]}1",
                   f"3a-{expires}-{signature}",  # another draft under the same signature
                   f"{cid}-zzzzzz-{signature}",  # a later expiry
                   f"{cid}-{expires}", "", "garbage", f"{cid}-{expires}-{signature}-x",
                   "-".join(["9" * 40, expires, signature])):
        assert signer.read(forged, NOW) == ("invalid", None), forged
    other = LinkSigner("another deployment").token(4242, ttl=WEEK, now=NOW)
    assert signer.read(other, NOW) == ("invalid", None)


def test_a_media_signature_is_not_a_link_signature():
    media = Signer("secret", "https://tijara.ma")
    assert media._signature("4242", 99) != LinkSigner("secret")._signature(4242, 99)


def test_without_whatsapp_the_agent_is_given_the_link_not_told_it_was_sent():
    state, effects = drive(assisted_draft(), Input(payload="submit"), context=assisting(LINK))
    assert keys(effects) == ["assist_owner_link", "OwnerConfirmation"]
    told, asked = effects
    assert told.link == LINK.link and told.image == LINK.qr
    assert told.msg.params["link"] == LINK.link and told.msg.params["days"] == 7
    assert asked == OwnerConfirmation(whatsapp=False)
    assert state.step == "owner_confirm" and state.revision == 0
    # Coming back to it, the agent sees the link again (it waits for the owner).
    (again,) = resume(state, assisting(LINK))
    assert again.key == "assist_owner_link" and again.link == LINK.link


def test_with_whatsapp_the_link_is_one_choice_away():
    reach = OwnerReach(whatsapp=True, link=LINK.link, qr=LINK.qr, days=7)
    state, effects = drive(assisted_draft(), Input(payload="submit"), context=assisting(reach))
    assert keys(effects) == ["assist_sent", "OwnerConfirmation"]
    assert effects[1] == OwnerConfirmation(whatsapp=True)
    assert [b.payload for b in effects[0].buttons] == ["owner_link", "change"]
    (waiting,) = resume(state, assisting(reach))
    assert [b.payload for b in waiting.buttons] == ["owner_link", "change", "resend"]
    state, effects = drive(state, Input(payload="owner_link"), context=assisting(reach))
    assert keys(effects) == ["assist_owner_link_also"] and effects[0].link == LINK.link
    assert state.step == "owner_confirm"


def test_an_owners_link_never_reaches_a_log():
    token = LinkSigner("secret").token(4242, ttl=WEEK, now=NOW)
    line = (f'"GET /chat?ref=own-{token} HTTP/1.1" 200; '
            f'"GET /agents/confirm/{token}.png HTTP/1.1" 200')
    assert token not in scrub(line)
    assert "/chat?ref=own-<signed>" in scrub(line)
    assert "/agents/confirm/<signed>.png" in scrub(line)
