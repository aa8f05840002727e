"""A field agent's turn, inside the caller's transaction (bot/turns.py runs it).

An agent's chat carries `state.console`. Their message either works their menu
(flows.console: new owner, my businesses, my link) or, while they fill in a draft
for an owner, goes to that owner's conversation: the engine steps the owner's
state with `Context.assisting`, the questions come back to the agent in the
agent's language, and when the agent submits, the owner is asked on their own
phone to agree and send (flows.steps "owner_confirm"); nothing is submitted
before they do.

The draft of an owner the agent starts is the owner's own WhatsApp conversation
(`whatsapp:+212...`), so the owner's answer lands in that very draft. Locks: the
agent's conversation first, then the owner's; an owner's turn takes only theirs.

Without WhatsApp (not configured, or the owner not on it) the agent is given a signed link
and its QR code instead (bot/agent_links.py, 7 days): the owner opens it on their phone,
and `open_link` moves the draft into that new web chat of theirs (the conversation's
channel and address change; its id, draft, photos and agent stay), where they read the
summary in their language and agree, as they would on WhatsApp. Once they have agreed,
the link only says where the draft stands.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from bot import agent_links as links
from bot.channels.base import InboundMessage
from bot.outgoing import Outgoing
from bot.settings import Settings
from flows import console, engine
from flows.model import (
    Context,
    ConversationState,
    Input,
    Lexicon,
    Msg,
    OwnerConfirmation,
    OwnerReach,
    PrivacyTerms,
    Reply,
)
from storage import agents, conversations
from storage.conversations import state_of
from storage.media import Refused, StoredFile, media_refs
from storage.models import Conversation

OWNER_CHANNEL = "whatsapp"  # an owner is reached by phone number on WhatsApp
ABANDONED = timedelta(days=7)


@dataclass(frozen=True)
class Opened:
    """What an owner's link opened: their draft, now in their chat, or a kind word why not."""

    conversation: Conversation | None
    notice: Reply | None = None


class Assist:
    def __init__(self, lexicon: Lexicon, settings: Settings, outgoing: Outgoing):
        self.lexicon, self.settings, self.outgoing = lexicon, settings, outgoing

    async def turn(self, session, conv: Conversation, state: ConversationState,
                   msg: InboundMessage, files: tuple[StoredFile | Refused, ...], now: datetime,
                   notice: str | None) -> tuple[ConversationState, list[Reply]]:
        ctx = Context(now=now, channel=msg.channel, lexicon=self.lexicon)
        inp = Input(text=msg.text, payload=msg.payload, contact_phone=msg.contact_phone,
                    is_start=msg.is_start, notice=notice)
        # A channel's notice (a video we cannot read...) is about the draft being filled in.
        helping = state.console.target is not None and notice != "agent_linked"
        if helping and not console.wants_menu(inp, ctx):
            replies = await self._owner_turn(session, conv, state, msg, files, now, notice)
            if replies is not None:
                return state, replies
            state.console.target = None  # the draft is no longer theirs: back to the menu
        elif helping:
            await self._let_go(session, state)
        listings = await self.listings(session, state.console.agent_id)
        state, effects = console.step(state, inp, ctx, listings)
        replies: list[Reply] = []
        for effect in effects:
            if isinstance(effect, Reply):
                replies.append(effect)
            elif isinstance(effect, console.OpenNew):
                replies += await self._open_new(session, conv, state, effect.phone, now)
            elif isinstance(effect, console.Open):
                replies += await self._open(session, state, effect.conversation_id, now)
            elif isinstance(effect, console.ShowReferral):
                replies += await self._referral(session, state)
        return state, replies

    async def resume(self, session, state: ConversationState, now: datetime) -> list[Reply]:
        """The question an agent coming back sees: the owner's, or their menu's."""
        target = await self._target(session, state, state.console.target)
        if target is not None:
            tstate = state_of(target)
            return engine.resume(tstate, self._assisting(target, now))
        return [console.question(state, await self.listings(session, state.console.agent_id))]

    async def listings(self, session, agent_id: int) -> list[console.Listing]:
        out = []
        for cid, user_ref, step, raw, name, status in await agents.followed(session, agent_id):
            draft_name = ((raw or {}).get("draft") or {}).get("business_name")
            label = name or draft_name or _phone(user_ref) or f"#{cid}"
            if step == "owner_confirm":
                status = "waiting_owner"
            out.append(console.Listing(cid, label, status or "draft"))
        return out

    async def tell_agent(self, session, agent_id: int, reply: Reply, key: str) -> None:
        """News for the agent in their own chat (the owner they helped agreed and sent)."""
        chat = await agents.latest_chat(session, agent_id)
        if chat is None:
            return
        conv = await conversations.ensure(session, *chat)
        await self.outgoing.queue(session, conv, state_of(conv).locale, [reply], key)

    # --- the owner's draft -------------------------------------------------

    async def _owner_turn(self, session, conv, state, msg, files, now,
                          notice: str | None) -> list[Reply] | None:
        target = await self._target(session, state, state.console.target)
        if target is None:
            return None
        tstate = state_of(target)
        if engine.owner_holds(tstate, now):
            state.console.target = None
            return [Reply(Msg("assist_owner_busy")), console.menu()]
        if tstate.assisted_by is None:  # an owner who came by the agent's link: now helped
            tstate.assisted_by = state.console.agent_id
        # No contact_phone: a number the agent's channel vouches for is the agent's own.
        inp = Input(text=msg.text, payload=msg.payload, notice=notice,
                    media=await media_refs(session, target.id, files), is_start=msg.is_start,
                    place=msg.place)  # an agent at the business shares where it is
        new, effects = engine.step(tstate, inp, self._assisting(target, now, msg.channel))
        # An agent never submits (flows.engine.Reading.submit): the owner is asked instead.
        if any(isinstance(e, OwnerConfirmation) and e.whatsapp for e in effects):
            await self._ask_owner(session, target, new, now,
                                  f"confirm:{conv.channel}:{msg.external_id}")
        await self._save(session, target, new)
        return [e for e in effects if isinstance(e, Reply)]

    async def _open_new(self, session, conv, state, phone: str, now) -> list[Reply]:
        user_ref = f"{OWNER_CHANNEL}:{phone}"
        if (conv.channel, conv.user_ref) == (OWNER_CHANNEL, user_ref):
            return [Reply(Msg("agent_phone_own")), console.ask_phone()]
        target = await conversations.lock(session, OWNER_CHANNEL, user_ref)
        agent_id = state.console.agent_id
        if target.agent_id not in (None, agent_id) and _abandoned(target, now):
            # Another agent's draft the owner never saw, untouched for a week (a mistyped
            # number, a lost contact): it starts again, empty, for this agent.
            await self._save(session, target, ConversationState())
            target.step = "start"
        elif target.agent_id not in (None, agent_id) or (
                target.agent_id is None and target.step != "start") or \
                await agents.chat_agent(session, OWNER_CHANNEL, user_ref) is not None:
            # Someone's conversation already: an agent must not read it by typing a number.
            return [Reply(Msg("agent_phone_taken", {"phone": phone})), console.menu()]
        target.agent_id = agent_id
        return await self._open(session, state, target.id, now)

    async def _open(self, session, state, conversation_id: int, now) -> list[Reply]:
        target = await self._target(session, state, conversation_id)
        if target is None:
            return [Reply(Msg("stale_button")), console.menu()]
        tstate = state_of(target)
        if engine.owner_holds(tstate, now):
            return [Reply(Msg("assist_owner_busy")), console.menu()]
        opened = []
        if target.step == "start":  # nothing yet: the agent starts with the owner's language
            tstate = ConversationState(step="language", language=state.language or "ary",
                                       script=state.script, assisted_by=state.console.agent_id)
            await self._save(session, target, tstate)
            opened.append(Reply(Msg("agent_opened_new", {"phone": _phone(target.user_ref)})))
        else:
            name = tstate.draft.business_name or _phone(target.user_ref)
            opened.append(Reply(Msg("agent_opened", {"name": name})))
        state.console.target = target.id
        return opened + engine.resume(tstate, self._assisting(target, now))

    async def _let_go(self, session, state) -> None:
        """The agent went back to their menu: the owner may answer at once."""
        target = await self._target(session, state, state.console.target)
        if target is None:
            return
        tstate = state_of(target)
        if tstate.agent_at is not None:
            tstate.agent_at = None
            await self._save(session, target, tstate)

    async def _ask_owner(self, session, target, tstate, now, key: str) -> None:
        """The owner's own message: the whole draft, and whether they agree to send it."""
        owner = Context(now=now, channel=target.channel, lexicon=self.lexicon,
                        channel_phone=_phone(target.user_ref) or None,
                        privacy=privacy_terms(self.settings))
        replies = engine.resume(tstate, owner)
        await self.outgoing.queue(session, target, tstate.locale, replies, key)

    async def _target(self, session, state, conversation_id: int | None) -> Conversation | None:
        """The owner's conversation, locked, if it is this agent's."""
        if conversation_id is None:
            return None
        found = await session.get(Conversation, conversation_id)
        if found is None or found.agent_id != state.console.agent_id:
            return None
        return await conversations.lock(session, found.channel, found.user_ref)

    def _assisting(self, target: Conversation, now: datetime, channel: str | None = None,
                   ) -> Context:
        # The channel is the agent's (photo tips are about how they send), the phone the owner's.
        return Context(now=now, channel=channel or target.channel, lexicon=self.lexicon,
                       channel_phone=_phone(target.user_ref) or None, assisting=True,
                       owner_reach=self.reach(target, now))

    def reach(self, target: Conversation, now: datetime) -> OwnerReach:
        """The ways to this draft's owner: WhatsApp if it reaches them, and always a link."""
        token = links.owner_token(self.settings, target.id, now.timestamp())
        return OwnerReach(whatsapp=links.whatsapp_reaches(self.settings, target.channel),
                          link=links.owner_link(self.settings, token),
                          qr=links.owner_qr_url(self.settings, token),
                          days=links.OWNER_LINK_DAYS)

    # --- the owner's link ------------------------------------------------

    async def open_link(self, session, token: str, channel: str, user_ref: str,
                        now: datetime) -> Opened:
        """An owner opened their link in a new chat (`channel`, `user_ref`, not yet a
        conversation): the draft moves there, unless the link is expired or forged, or the
        owner already agreed (then they are told where it stands, and nothing is sent)."""
        verdict, cid = links.read_owner_token(self.settings, token, now.timestamp())
        found = await session.get(Conversation, cid) if cid is not None else None
        if verdict == "invalid" or found is None or found.agent_id is None:
            return Opened(None, Reply(Msg("owner_link_invalid")))
        if verdict == "expired":
            return Opened(None, Reply(Msg("owner_link_expired")))
        target = await conversations.lock(session, found.channel, found.user_ref)
        state = state_of(target)
        if state.consent_at is not None or target.step == "submitted":
            status = await agents.submission_status(session, target.id) or "submitted"
            return Opened(None, Reply(Msg("owner_link_used", {
                "business_name": state.draft.business_name or "",
                "status": Msg(f"agent_status_{status}")})))
        await agents.move_conversation(session, target, channel, user_ref)
        return Opened(target)

    async def _save(self, session, target: Conversation, tstate: ConversationState) -> None:
        # inbound_at stays: the owner did not write (WhatsApp's 24-hour window is theirs).
        await conversations.save(session, target, tstate, inbound_at=None)

    # --- the agent's link ------------------------------------------------

    async def _referral(self, session, state) -> list[Reply]:
        code = await agents.referral_code(session, state.console.agent_id)
        settings = self.settings
        web, preferred = links.links(settings, code, "referral")["web"], \
            links.preferred_link(settings, code)
        return [Reply(Msg("agent_referral", {"link": preferred, "web": web,
                                             "also_web": int(web != preferred)}),
                      image=links.qr_url(settings, code), link=preferred),
                console.menu()]


def _abandoned(target: Conversation, now: datetime) -> bool:
    """An agent's draft its owner never wrote to nor agreed to, idle for ABANDONED."""
    state = target.state or {}
    return (target.last_inbound_at is None and state.get("consent_at") is None
            and target.step != "submitted" and now - target.updated_at > ABANDONED)


def _phone(user_ref: str) -> str:
    """The number in a WhatsApp address; empty for other channels."""
    return user_ref.removeprefix(f"{OWNER_CHANNEL}:") if user_ref.startswith(
        f"{OWNER_CHANNEL}:") else ""


def privacy_terms(settings: Settings) -> PrivacyTerms:
    """What the consent tells owners, from the settings (bot.turns gives it every turn)."""
    return PrivacyTerms(contact=settings.privacy_contact,
                        draft_days=settings.draft_retention_days,
                        rejected_days=settings.rejected_retention_days)
