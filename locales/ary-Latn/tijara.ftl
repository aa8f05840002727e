### Tijara — Darija b l7rouf latiniya (Arabizi).
### Chaque phrase du bot est ici. Les clés sont stables (tests et scripts les suivent).
### Les clés words_* listent, séparés par des virgules, les mots qu'un patron peut
### taper à la place d'un bouton ; ils sont acceptés quelle que soit la langue choisie.

###
### Glossaire (kelma wa7da l kol 7aja, f kol blasa):
###   l page = storefront; l plateforme = marketplace; l agent = agent; l malaf = draft
###   sift (l malaf) = submit; a9al kamiya (f l commande) = minimum order; ch7al katntjo (f ch-har) = capacity
###   l ICE = ra9m l mo9awala l mowa7ad (15 ra9m, f l facture wla f chahadat tasjil f sijil tijari)
### Spelling wa7ed: sift, ra9m, tilifon, mochkil, ma3lomat, mouraja3a, so2al, 3afakom, l9anoun.
### Kanhdro m3a nas b jam3 (dyalkom, sifto, wach mwafqin?): bzaf dyal cooperatives katsirhom l3yalat.
### L boutons b sowt mol l machro3 (Nsift, Nbeddelha, Nkhalliha). « khtaro » machi « wrek ».

## Premier contact

ask_language = Salam w mrehba bikom f Tijara! 👋
    Ana hna bach n3awnkom tsjlo charika w sel3a dyalkom f l plateforme dyal l export, bach tbi3o l barra.
    B chmen lougha bghitiw nkmlo?
consent_declined = Bla l mwaf9a dyalkom ma n9derch nsjel walo. Ila bdeltiw ra2y, jawbo b « Iyeh ».
restarted = Safi, rje3na mn lowl. L malaf li kan tms7.

## L'entreprise

ask_business_name = Chno smiya dyal charika, l cooperative wla l atelier dyalkom?
ask_owner_name = Chno smiya dyalkom l kamla 3afakom?
ask_city = F chmen mdina kayna charika dyalkom?
city_did_you_mean = Ma 3reftch « { $city } ». Wach 9sdkom…?
ask_region = Mazal ma kan3refch « { $city } ». F chmen jiha kayna?
ask_sector = Chno howa l mjal dyalkom?
ask_ice = Chno howa l ICE dyalkom? Howa ra9m l mo9awala l mowa7ad, fih 15 ra9m, w katl9awh f l facture wla f chahadat tasjil f sijil tijari (l'attestation ICE). Ila ma 3ndkomch, douzo had so2al.
ask_phone = Chno nmra dyal tilifon li n9dro nttasslo bikom fiha? (b7al 0612345678)
ask_email = L email dyalkom? (machi darouri)

## Les produits

ask_product_name = { $number ->
    [1] Daba nmchiw l sel3a dyalkom. Chno smiya dyal l mantoj lowl? (matalan: zit argan dyal tjmil)
   *[other] Chno smiya dyal l mantoj ra9m { $number }?
}
ask_photos = Sifto tsawer dyal « { $product } »: mn 1 7ta l { $max }, w khass ykon fihom dow mzyan.
photo_received = Wslatna tswira { $count } mn { $max }. Sifto wa7da khra, wla khtaro « Safi salit ».
photos_full = Hadi { $max } dyal tsawer, hada howa l max. Khtaro « Safi salit ».
ask_description = Wsfo lia « { $product } » f chi jmal: mn ach msnou3, mnin jay, w chno li kaykhelih mmayez.
voice_received = Choukran, l vocal dyalkom 3la « { $product } » tsjel w l equipe dyalna ghadi tsm3o. Wach t9dro tktbo 7ta str sghir kaywsfo? Wla khtaro « Ndouz ».
ask_price = Ch7al taman dyal « { $product } » b dirham, w wach l kilo, l 7ba wla chi 7aja khra? (matalan: 150 DH l kilo)
ask_price_unit = Had taman dyal chmen wa7da?
confirm_price_conversion = { $said } { $currency }, ya3ni { $price }. Wach hakka?
ask_moq = Ch7al a9al kamiya f l commande? (matalan: { $example })
ask_more_products = 3ndkom { $count ->
    [one] mantoj wa7ed
    [two] jouj mantojat
    [few] { $count } dyal l mantojat
    [many] { $count } mantoj
   *[other] { $count } dyal l mantojat
}. Bghitiw tzido chi wa7ed akhor?

## Récapitulatif

review_summary = Ha l malaf dyalkom. Chofoh mzyan:
    🏢 { $business_name }
    👤 { $owner_name }
    📍 { $city } ({ $region })
    🏷️ { $sector }
    🆔 ICE: { $ice }
    📞 { $phone }
    ✉️ { $email }
    { $products }
    Kolchi mzyan? Sifto l malaf, wla sl7o li khass.
review_product = 📦 { $number }. { $name } — tsawer: { $photos }
    { $description }
    Taman: { $price }
    A9al kamiya f l commande: { $moq }
ask_edit_field = Chno bghitiw tbdlo?
submitted = Choukran! L malaf dyal « { $business_name } » tsift. L equipe dyalna ghadi tchofo w tjawbkom hna.
already_submitted = L malaf dyal « { $business_name } » f l mouraja3a daba. Ghadi nktbo likom hna mli ykon chi jdid.

## Valeurs

value_missing = —
value_none = (ma kaynch)
amount_value = { $amount } DH / { $unit }
price_range = { $low } 7ta { $high } DH / { $unit }
amount_only = { $amount } DH
price_range_only = mn { $low } l { $high } DH
quantity_value = { $amount } { $unit }
quantity_only = { $amount }
# A minimum order's unit after its quantity ($count: plural where the language has one).
units_piece = 7ba
units_kg = kilo
units_g = gram
units_ton = tonne
units_l = litre
units_ml = ml
units_m = metre
units_m2 = m²
units_box = 3elba
units_carton = kartona
units_bottle = 9ar3a
units_set = lot
units_dozen = dzina
units_pair = zouj
label_plain = { $text }
currency_ryal = ryal
currency_franc = centime
currency_MAD = DH

## Aide et navigation

help = Rakom f « { $section } ». Jawbo 3la so2al li lta7t. T9dro tktbo 7ta: « rje3 », « douz » (l as2ila li machi darouriya), « fin wslt », « lougha », « 3awd mn lowl », « les données dyali » (kolchi li 3ndna 3likom).
where_am_i = Rakom f « { $section } »: l mar7ala { $done } mn { $total }.
welcome_back = Mrehba bikom 3awtani! Kentiw f « { $section } », l mar7ala { $done } mn { $total }. Yallah nkmlo:
confirm_restart = Bghitiw t3awdo mn lowl? Kolchi li ktebtiw ghadi ytms7.
offer_language_switch = Bghitiw nkmlo b { $language }?
section_start = l bdaya
section_business = charika dyalkom
section_product = sel3a dyalkom
section_review = l mouraja3a
section_done = l malaf tsift

## Réponses à corriger

invalid_choice = Khtaro wa7ed mn l ajwiba li 3ndkom (wla ktbo ra9m dyalo).
invalid_empty = Ma wslni walo. Ktbo jawab dyalkom 3afakom.
invalid_too_long = Hadchi twil bzaf: machi ktr mn { $max } 7arf 3afakom.
invalid_no_letters = Ktbo jawab b l 7rouf 3afakom.
invalid_ice = L ICE fih ghir l ar9am: 15 ra9m.
invalid_ice_length = L ICE fih 15 ra9m; ana 7sebt { $count }. Chofoh mzyan, wla douzo had so2al.
invalid_email = Had l email ma bayench s7i7 (b7al: smiya@gmail.com). Wla douzo had so2al.
invalid_phone = Ma 3reftch had nmra. Ktboha b7al 0612345678 wla +212612345678.
invalid_price = Ma l9itch taman. Ktbo ch7al b dirham m3a l wa7da, b7al: 150 DH l kilo.
invalid_moq = Ktbo l kamiya b ra9m, b7al: 100 7ba wla 50 kilo.
expected_photo = Kantsna tswira dyal l mantoj: siftoha hna.
expected_text = Hna kantsna jawab mktoub.
    { $question }
photo_not_image = Had l fichier machi tswira n9der n9raha. Sifto tswira JPEG, PNG wla WebP.
photo_advice = Wslat tswira, walakin t9der tkon 7sen:
    { $tips }
    T9dro tbdloha, wla tkhliwha kif hiya.
advice_dark = • mdalma: sawroha 7da chi charjem wla f dow dyal nhar
advice_bright = • fiha dow bzaf: b3do mn chems nichan wla l flash
advice_blurry = • ma wad7ach: cheddo tilifon mzyan, w 9isso sel3a f l ecran bach twlli wad7a
advice_too_small = • sghira: 9rbo mn sel3a
advice_duplicate = • katchbeh bzaf l tswira siftitoha 9bel: werriwna jiha khra
advice_send_as_file = • nasi7a: siftoha « comme fichier » bach Telegram ma ysghrhach
photo_send_another = Wakha, sifto tswira jdida.
photo_too_large = Had tswira t9ila bzaf (20 Mo howa l max). Sifto wa7da khfifa.
photo_too_many_pixels = Had tswira fiha pixels bzaf 3liya. Sifto tswira 3adiya, mn tilifon.
photo_unavailable = Ma 9dertch njib had tswira. 3awdo siftoha 3afakom.
photo_too_many = L max howa { $max } tsawer l kol mantoj; hadi ma tzadetch.
photos_need_one = Khass 3la l a9al tswira wa7da dyal l mantoj. Sifto wa7da.
stale_button = Had l bouton dyal so2al fat. Ha so2al dyal daba:
cannot_skip = Had so2al darouri, ma ymkench tdouzoh.
cannot_go_back = Ma ymkench nrj3o ktr mn hna.
cannot_restart_submitted = L malaf tsift deja; ma b9ach ymken tms7oh mn hna.

## Boutons

lang_ary = Darija
lang_fr = Français
lang_ar = العربية
btn_yes = Iyeh
btn_no = La
btn_done = Safi salit
btn_skip = Ndouz
btn_back = Nrje3
btn_submit = Nsift l malaf
btn_add_product = Nzid mantoj
btn_edit_business = Tss7i7 charika
btn_edit_product = Tss7i7 mantoj { $number }
btn_more = Ikhtiyarat khrin…
btn_none_of_these = Machi 7ta wa7da
btn_keep = Nkhalliha
btn_replace = Nbeddelha
field_business_name = Smiya dyal charika
field_owner_name = Smitek
field_city = L mdina
field_sector = L mjal
field_ice = ICE
field_phone = Tilifon
field_email = Email
field_product_name = Smiya dyal mantoj
field_photos = Tsawer
field_description = L wasf
field_price = Taman
field_moq = A9al kamiya
sector_argan = Argan
sector_olive_oil = Zit zitoun
sector_food = Makla
sector_cosmetics = Tjmil
sector_carpets = Zrabi
sector_textiles = Tob w khyata
sector_leather = Jeld
sector_zellige = Zellij
sector_pottery = Fekhar
sector_wood_metal = Khchab w 7did
sector_other = Chi 7aja khra
unit_piece = 7ba
unit_kg = kilo
unit_g = gram
unit_ton = tonne
unit_l = litre
unit_ml = ml
unit_m = metre
unit_m2 = m²
unit_box = 3elba
unit_carton = kartona
unit_bottle = 9ar3a
unit_set = lot
unit_dozen = dzina
unit_pair = zouj

## Mots acceptés à la place des boutons

words_yes = wakha, wkha, wakhha, wa5a, wakhe, wah, waah, ah, aah, ah wakha, iyeh, iyah, ih, ieh, ayeh, eyh, eyeh, safi, safi wakha, wakha safi, mzyan, mzian, mzyen, mzn, okey, okay, oki, ok wakha, mwafe9, mwaf9a, mwafeq, mwafqa, ana mwafe9, ana mwaf9a, mtafe9, n3am, na3am, akid, yallah, machi mochkil, ma kayn mochkil, s7i7, mwafqin, mwaf9in, 7na mwafqin, mtafqin
words_no = la, lla, laa, laaa, lala, la la, lae, walo, la mabghitch, mabghitch, ma bghitch, machi daba, la machi daba, la chokran, la choukran, la safi
words_done = safi, safi salit, salit, salit safi, sali, salina, kmelt, kmlt, safi kmelt, khlas, khalas, sf, safi hadchi, hadchi li kayn, safi hakak
words_submit = sifet, sift, sifto, siftha, sift l malaf, sift lmalaf, sift dossier, sayft, sayfet, sefet, rsel, rssel, ersel, sadde9, siftoh
words_help = 3awni, 3awenni, 3awnni, 3awnoni, 3awnouni, mosa3ada, mousa3ada, msa3ada, ma fhmtch, mafhmtch, mafhemtch, ma fhemtch, mafhamtch, chno ndir, achno ndir, ach ndir, chno khasni ndir, kifach, kifach ndir, 3awd 3afak
words_back = rje3, rjo3, rj3, rja3, rjou3, rjje3, rje3 lor, rje3 l lor, lor, lour, nrje3, nrj3o, rje3ni
words_skip = douz, dowz, dooz, douzha, douzo, douz had so2al, fout, fut, foutha, ma3ndich, ma3andich, ma3endich, ma 3ndich, ma3ndnach, makaynch, ma kaynch, walo, ma3ndich ice, ma3ndich email, ma3ndich l email, ma3ndich l mail, ma3ndich mail, ma3ndich imayl, ma3ndich emayl, ma3ndich lice
words_restart = 3awd mn lowl, 3awed mn lowl, 3awd mn lwl, 3awd mn l awal, 3awd mn lawal, 3awd mn jdid, n3awd mn lowl, n3awdo mn lowl, nbda mn jdid, nbdaw mn jdid, bda mn jdid, mse7 kolchi, msa7 kolchi, 3awd kolchi
words_where = fin wslt, fin wselt, fin wsalt, fin ana, fin wslna, fin 7na, fach wslt, fin wslt ana, ch7al ba9i, chhal ba9i, ch7al b9a, wach ba9i bzaf
words_language = lougha, logha, lugha, l lougha, bdel lougha, bdl lougha, bdel l lougha, nbdel lougha, bghit nbdel lougha, tbdil lougha
words_greeting = salam, slm, salam alikom, salam 3alikom, salam 3alaykom, salamo 3alaykom, salamu alaykum, assalamu alaykum, salam 3likom, slm 3likom, saba7 lkhir, sba7 lkhir, sbah lkhir, msa lkhir, masa2 lkhir, salam labas, slm labas, slm cv, salam cv, ahlan, salam khoya, salam a khti, salam khti

## Web chat

ui_title = Tijara — tsjil
ui_placeholder = Ktbo message…
ui_send = Sift
ui_photo = Tswira
ui_restart = Discussion jdida
ui_error = Message ma mchach. Chofo l internet w 3awdo jrbo.
ui_noscript = Had l page khasha JavaScript.

## Chno lahdat l canal

notice_edited = Chft belli bdeltiw chi message. Ma n9derch nakhod tabdil: sifto jawab s7i7 f message jdid.
notice_file_too_large = Had l fichier kbir bzaf (20 Mo howa l max). Sifto tswira khfifa.
notice_contact_not_yours = Had l contact machi dyalkom. Partagiw nmra dyalkom, wla ktboha.
notice_unsupported = Ma kan3rfch n9ra had no3 dyal les messages. Jawbo b lktaba wla b tswira.
notice_agent_linked = Safi: had chat trbet m3a l compte dyalkom dyal l agent. Charikat li kaybdaw b lien dyalkom kayt7sbo likom.
notice_referral_invalid = Had lien ma b9ach sali7; machi mochkil, n9dro nbdaw 3adi.

## Mn ba3d l irsal: l9rarat w tadkir

decision_changes_requested = L equipe dyalna chafet l malaf dyalkom. Kaynin chi 7wayj khasshom ytsl7o:
    { $items }
    { $note }
    Yallah nsl7ohom wa7da b wa7da.
fix_item = • { $field }: { $reason }
fix_product_field = l mantoj { $number }, { $field }
decision_approved = Khbar zwina: l malaf dyal « { $business_name } » t9bel! Ghadi nwjdo l page dyalkom f l plateforme w nsifto likom l lien mli ttla3.
decision_rejected = Sm7o lina: l malaf dyalkom ma t9belch kima howa. 3lach:
    { $reasons }
    { $note }
    Daba chno t9dro diro? Tsl7o dakchi li khass w t3awdo tsifto: khtaro « Nsl7 w n3awd nsift ». W ila bghitiw thdro m3a chi wa7ed mn l equipe, ktbo « 3awni ».
decision_live = L page dyalkom tal3at f l plateforme! Hahiya: { $url }
reminder = Salam! Tasjil dyal « { $business_name } » ba9i ma kmelch. Nkmlo mn fin w9eftiw?
reason_photo_dark = tswira mdalma bzaf; 3awdoha f dow dyal nhar
reason_photo_blurry = tswira ma wad7ach; cheddo tilifon mzyan bla ma t7rkoh
reason_photo_small = tswira sghira bzaf; 9rbo mn sel3a
reason_photo_missing = khassna tswira dyal l mantoj
reason_price_unit = taman ma fihch l wa7da (kilo, litre, 7ba…)
reason_price_unclear = taman machi wad7
reason_moq_unclear = a9al kamiya machi wad7a
reason_ice_invalid = l ICE machi s7i7
reason_description_short = l wasf 9sir bzaf
reason_name_unclear = smiya machi wad7a
reason_city_unclear = l mdina machi wad7a
reason_other = khasso ytraja3

## L agent m3a mol l machro3

assist_ask_language = Mol l machro3 b chmen lougha kayhder? Ghadi ywslo l malaf dyalo biha.
assist_sent = Tsift l mol l machro3 ({ $phone }) ✅ Ghadi ywslo l malaf kaml, w khasso y2ekkdo bach ymchi l equipe dyal Tijara; ghadi n3lmkom hna mli ydir.
    Ila ma wsltoch l message, golo lih ykteb « salam » l Tijara f WhatsApp: ghadi twslo mn b3d nichan.
    Ktbo « menu » bach trj3o l menu dyalkom.
assist_waiting_owner = Had l malaf kaytsna jawab dyal mol l machro3 3la { $phone }. T9dro t3awdo tsiftoh lih wla tsl7o chi 7aja.
owner_confirm = Salam! Wa7ed l agent dyal Tijara wjjed m3akom l page dyal « { $business_name } »:
    👤 { $owner_name }
    📍 { $city } ({ $region })
    🏷️ { $sector }
    🆔 ICE: { $ice }
    📞 { $phone }
    ✉️ { $email }
    { $products }
    Had l ma3lomat ma kaychofhom ghir l equipe dyal Tijara w l agent dyalkom, w mn b3d l plateforme ila t9bel l malaf; t9dro tsl7ohom wla tms7ohom (l9anoun 09-08).
    Kolchi s7i7? Nsiftoh?
owner_confirm_declined = Wakha, ma tsift walo. Ila bdeltiw ra2y, jawbo « Iyeh ».
btn_confirm_send = Iyeh, siftoh
btn_change = Nsl7 chi 7aja
btn_resend = N3awd nsift

## Menu dyal l agent

agent_menu = Menu dyal l agent: chno bghitiw ddiro?
btn_agent_new = Mol machro3 jdid
btn_agent_list = Lmachari3 dyali
btn_agent_link = Lien w QR dyali
btn_agent_menu = Menu
agent_ask_phone = 3tiwni nmra dyal WhatsApp dyal mol l machro3 (b7al 0612345678). F had tilifon ghadi y2ekked.
agent_phone_invalid = Ma 9dertch n9ra had nmra. Ktbo portable dyal mol l machro3, b7al 0612345678.
agent_phone_landline = Hadi nmra fixe: mol l machro3 kay2ekked f WhatsApp, khasni portable dyalo (06… wla 07…).
agent_phone_own = Hadi nmra dyalkom. Ktbo nmra dyal mol l machro3.
agent_phone_taken = Nmra { $phone } 3ndha deja conversation f Tijara machi dyalkom. Golo l mol l machro3 ykml mn tilifon dyalo, wla yscanni QR dyalkom.
agent_list = Lmachari3 dyalkom:
    { $lines }{ $more ->
        [0] {""}
       *[other] {"\u000A"}… w { $more } khrin f les pages web.
    }
    Sifto ra9m bach t7lo wa7ed.
agent_list_line = { $number }. { $name } — { $status }
agent_list_empty = Mazal ma 3ndkom 7ta machro3. Bdaw b « Mol machro3 jdid », wla partagiw lien dyalkom.
agent_status_draft = ba9i kayt3mer
agent_status_waiting_owner = kaytsna l mwaf9a dyal molah
agent_status_submitted = f l mouraja3a
agent_status_changes_requested = tlbo tsli7at
agent_status_approved = t9bel
agent_status_exported = t9bel
agent_status_rejected = ma t9belch
agent_status_live = tale3 f l plateforme
agent_status_handoff_failed = t9bel, l page 7absa
agent_opened_new = Mol machro3 jdid: { $phone }. Jawbo 3la so2alat f blasto; ktbo « menu » f ay w9t bach trj3o l menu dyalkom.
agent_opened = T7el: { $name }. Ktbo « menu » bach trj3o l menu dyalkom.
agent_referral = Lien dyalkom: { $link }
    Li kaybdaw b had lien kayt7sbo likom.{ $also_web ->
        [0] {""}
       *[other] {" "}F l web: { $web }
    }
    QR bach twerriwh f stand dyalkom ra m3aha.
words_menu = menu, /menu, lmenu, l menu
agent_owner_confirmed = ✅ Mol l machro3 wafe9: « { $name } » mcha l mouraja3a.
owner_confirm_short = Salam! L agent dyal Tijara wjjed l malaf dyalkom: ra f l message li fo9 nichan. Kolchi s7i7, w mwafqin nsiftoh?
place_name = { $fr }
greeting_hello = Salam 👋
owner_agent_busy = L agent dyal Tijara kay3mer l malaf dyalkom m3akom daba. Ghir ysali, ghadi ywslkom hna l malaf kaml bach tchofoh.
owner_joined = Salam! Wa7ed l agent dyal Tijara bda m3akom l malaf dyalkom. Yallah nkmlo:
assist_owner_busy = Mol l machro3 kayjawb bo7do daba: nkhliw lih had l malaf daba. 3awdo jrbo mn b3d 20 d9i9a ila bghitiw.
assist_submitted = « { $business_name } » tsift: t9dro ttab3o l 7ala dyalo f « Lmachari3 dyali ». Ktbo « menu » bach trj3o l menu dyalkom.
agent_owner_declined = Mol « { $name } » ma bghach ysiftoh daba. Ma mcha walo l mouraja3a.
agent_ask_language = B chmen lougha bghitiw l menu dyalkom?
agent_help = Menu dyal l agent:
    • « Mol machro3 jdid »: kat3mro l malaf m3ah, w howa kay2ekkdo f WhatsApp dyalo.
    • « Lmachari3 dyali »: l 7ala dyalhom; sifto ra9m bach t3awdo t7lo wa7ed.
    • « Lien w QR dyali »: bach yt7sbo likom li kaytsjlo bo7dhom.
    Ktbo « menu » f ay w9t bach trj3o l hna.

## Ce que les gens écrivent pour un choix

words_lang_ary = darija, darja, drija, b darija, bdarija, b darja, bdarja, darija 3afak, maghribiya, l maghribiya
words_lang_fr = fr, fransawiya, b fransawiya, bfransawiya, fransiya, b fransiya, francais
words_lang_ar = l3arbia, l3arabiya, 3arbia, b l3arbia, bl3arbia, 3arabiya, l fos7a, fos7a
words_sector_argan = zit argan, zit l argan, argane, l argan, argan bldi
words_sector_olive_oil = zitoun, zit l3oud, zit beldi, zit bldi
words_sector_food = l makla, lmakla, 3sel, l3sel, tmer, l7rour
words_sector_cosmetics = tjmil, sabon, sabon beldi, l7ena
words_sector_carpets = zrabi, zerbiya, zarbia, zerabi
words_sector_textiles = khyata, l khyata, tob, lbsa, 9ftan, jellaba, tarz
words_sector_leather = jeld, l jeld, lbelgha, blagh, cuir
words_sector_zellige = zellij, zlij, zellig, zliij
words_sector_pottery = fkhar, l fekhar, tajine, tajin
words_sector_wood_metal = khchab, 7did, nhas, l khchab
words_agent_new = jdid, wa7ed jdid, mol machro3 jdid, machro3 jdid
words_agent_list = lmachari3, machari3, lista
words_agent_link = lien, link, qr, l qr, lien dyali
btn_photos_clear = Nbeddel ga3 tsawer
photos_cleared = Safi: 7iydna tsawer li kano. Sifto jdad.
status_approved = L malaf dyal « { $business_name } » t9bel ✅ Kanwjdo l page dyalkom f l plateforme w ghadi nsifto likom l lien dyalha hna mli ttla3.
status_rejected = L malaf dyal « { $business_name } » ma t9belch kima howa. 3lach:
    { $reasons }
    { $note }
    T9dro tsl7oh w t3awdo tsiftoh (« Nsl7 w n3awd nsift »), wla ktbo « 3awni » bach thdro m3a chi wa7ed mn l equipe.
status_live = L page dyal « { $business_name } » tal3a f l plateforme: { $url }
city_not_a_place = « { $typed } » machi smiya dyal mdina. F chmen mdina wla douar kayna charika dyalkom?
assist_help = Rakom katjawbo f blast mol l machro3; ktbo « menu » bach trj3o l menu dyal l agent.

## L bdaya, l ajwiba w tas7i7at (bla ma ndy3o dora)

welcome_found = Salam w mrehba bikom f Tijara! 👋
    Ana hna bach n3awnkom tsjlo charika w sel3a dyalkom f l plateforme dyal l export, bach tbi3o l barra.
    Ghadi nkmlo b darija; ila bghitiw lougha khra, khtaro « Lougha khra ».
language_found = Wakha, ghadi nkmlo b darija. Ila bghitiw lougha khra, khtaro « Lougha khra ».
language_hint = ختارو اللغة من التحت 👇
    اختاروا اللغة من الأسفل 👇
    ⁦Choisissez votre langue ci-dessous 👇⁩
btn_other_language = Lougha khra
ask_moq_unit = { $amount } dyal chno? Khtaro l wa7da: 7bat, kilo, litra…
review_changed = ✅ Tbddel « { $field } ». Nsifto l malaf, wla bghitiw tchofo l molakhas?
btn_show_summary = Nchof l molakhas
photo_replaced = { $kept ->
    [0] Safi: tswira jdida khdat blast l9dima.
    [1] Safi: tswira jdida khdat blast li kan khasha tt7ssen; tswira lokhra ba9ya.
   *[other] Safi: tswira jdida khdat blast li kan khasha tt7ssen; tsawer lokhrin ba9yin ({ $kept }).
}
photo_which = Choukran! Had tswira jdida ghadi takhod blast chmen wa7da? Tsawer mr9min b tartib li siftitohom bih. Wla khliw kolchi.
btn_photo_number = Tswira { $number }
btn_keep_all = Nkhalli kolchi
photo_fix = Sifto tswira jdida dyal « { $product } »: ghadi takhod blast li gal 3liha l equipe. { $count ->
    [1] Tswira li 3ndkom ba9ya 7ta twsal jdida.
   *[other] Tsawer li 3ndkom ({ $count }) ba9yin 7ta twsal jdida.
}
ui_restart_confirm = Nms7o had discussion w nbdaw mn jdid?
ui_restart_yes = Iyeh, mn jdid
ui_cancel = La, nrje3
