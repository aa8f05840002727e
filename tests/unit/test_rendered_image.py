"""A reply's image: kept through the outbox payload (as_json / from_json), shown by the
terminal, and placed by the WhatsApp channel on the message carrying its reply's text."""

from __future__ import annotations

import io

from bot.channels import whatsapp
from bot.channels.terminal import show
from bot.channels.text import units
from bot.channels.whatsapp import WithMedia
from bot.i18n import Rendered

URL = "https://bot.example.ma/agents/qr/abcdefgh23.png"


def test_as_json_carries_the_image_only_when_there_is_one():
    plain = Rendered("ask_city", "Ville ?", (("Fès", "city:fes"),), "text")
    assert "image" not in plain.as_json()
    shown = Rendered("agent_qr", "Montrez ce code", (), "none", image=URL)
    assert shown.as_json()["image"] == URL


def test_from_json_is_the_inverse_of_as_json():
    for reply in (
        Rendered("agent_qr", "Montrez ce code", (("OK", "ok"), ("Non", "no")), "choice",
                 asks_contact=True, image=URL),
        Rendered("ask_city", "Ville ?", (), "text"),
        Rendered("ask_phone", "Numéro ?", (), "phone", asks_contact=True),
    ):
        assert Rendered.from_json(reply.as_json()) == reply


def test_from_json_reads_payloads_written_before_contact_and_image_existed():
    old = {"key": "ask_city", "text": "Ville ?", "buttons": [{"label": "Fès",
                                                              "payload": "city:fes"}],
           "expects": "text"}
    reply = Rendered.from_json(old)
    assert reply == Rendered("ask_city", "Ville ?", (("Fès", "city:fes"),), "text")
    assert reply.image is None and reply.asks_contact is False


def test_the_terminal_prints_the_image_link_on_its_own_line():
    out = io.StringIO()
    show((Rendered("agent_qr", "Montrez ce code", (("OK", "ok"),), "choice", image=URL),),
         out=out)
    lines = out.getvalue().splitlines()
    assert lines[lines.index("🤖 Montrez ce code") + 1] == URL
    assert "   1. OK" in lines


# --- WhatsApp: which message carries the image ------------------------------------------


def test_a_short_delivery_carries_the_image_with_its_text():
    replies = (Rendered("notice", "C'est noté.", (), "none"),
               Rendered("agent_qr", "Montrez ce code", (), "none", image=URL),
               Rendered("ask_more", "Autre chose ?", (("Oui", "yes"),), "choice"))
    (only,) = whatsapp.messages(replies, "fr")
    assert isinstance(only, WithMedia) and only.url == URL
    assert only.body == whatsapp.compose(replies, "fr")  # the same words as without it


def test_the_image_goes_with_the_part_where_its_reply_begins():
    long = " ".join(f"mot{i}" for i in range(600))  # about 4,000 characters: three parts
    replies = (Rendered("review_summary", long, (), "none"),
               Rendered("agent_qr", "MONTREZ CE CODE", (), "none", image=URL))
    parts = whatsapp.messages(replies, "fr")
    texts = [p.body if isinstance(p, WithMedia) else p for p in parts]
    assert texts == whatsapp.split_body(whatsapp.compose(replies, "fr"))  # cut as before
    (carrier,) = [p for p in parts if isinstance(p, WithMedia)]
    first_with_reply = next(t for t in texts if "MONTREZ" in t)
    assert carrier.body == first_with_reply and carrier.url == URL


def test_an_image_whose_part_is_too_long_for_a_caption_follows_it():
    text = " ".join(f"mot{i}" for i in range(220))  # about 1,400 units: over 1,024
    assert 1024 < units(text) <= 1600
    replies = (Rendered("agent_qr", text, (), "none", image=URL),)
    parts = whatsapp.messages(replies, "fr")
    assert parts == [text, WithMedia("", URL)]


def test_an_image_without_any_text_is_a_message_of_its_own():
    parts = whatsapp.messages((Rendered("agent_qr", "", (), "none", image=URL),), "fr")
    assert parts == [WithMedia("", URL)]
