### Tijara — français.
### Chaque phrase du bot est ici. Les clés sont stables (tests et scripts les suivent).
### Les clés words_* listent, séparés par des virgules, les mots qu'un patron peut
### taper à la place d'un bouton ; ils sont acceptés quelle que soit la langue choisie.

###
### Glossaire (un mot par idée, partout) :
###   vitrine = la page de l'entreprise sur la place de marché (storefront)
###   place de marché = le site où les acheteurs trouvent les vitrines (marketplace)
###   agent = la personne de Tijara qui aide sur le terrain ; dossier = ce que le patron remplit (draft)
###   envoyer (le dossier) = submit ; quantité minimum (par commande) = minimum order
###   capacité (de production, par mois) = capacity ; ICE = Identifiant Commun de l'Entreprise (15 chiffres,
###   sur les factures et l'attestation ICE)
### On vouvoie ; « choisissez » (jamais « appuyez ») : sur WhatsApp les choix sont une liste numérotée.

## Premier contact

ask_language = Bonjour et bienvenue sur Tijara ! 👋
    Je vous aide à inscrire votre entreprise et vos produits sur la place de marché export.
    Dans quelle langue voulez-vous continuer ?
consent_declined = Sans votre accord, je ne peux rien enregistrer. Si vous changez d'avis, répondez « Oui ».
restarted = C'est reparti de zéro. Votre ancien dossier est effacé.

## L'entreprise

ask_business_name = Quel est le nom de votre entreprise, coopérative ou atelier ?
ask_owner_name = Votre nom et prénom, s'il vous plaît ?
ask_city = Dans quelle ville se trouve votre entreprise ?
city_did_you_mean = Je n'ai pas reconnu « { $city } ». Vous voulez dire… ?
ask_region = Je ne connais pas encore « { $city } ». Dans quelle région est-ce ?
ask_sector = Quel est votre secteur ?
ask_ice = Votre ICE (Identifiant Commun de l'Entreprise, 15 chiffres) ? Il figure sur vos factures et sur l'attestation ICE remise à l'inscription au registre du commerce. Vous pouvez passer cette question.
ask_phone = Quel numéro de téléphone peut-on utiliser pour vous joindre ? (par exemple 0612345678)
ask_email = Votre adresse e-mail ? (facultatif)

## Les produits

ask_product_name = { $number ->
    [1] Passons à vos produits. Quel est le nom de votre premier produit ? (par exemple : huile d'argan cosmétique)
   *[other] Quel est le nom du produit n° { $number } ?
}
ask_photos = Envoyez des photos de « { $product } » : de 1 à { $max }, bien éclairées.
photo_received = Photo { $count } sur { $max } reçue. Envoyez-en une autre, ou choisissez « Terminé ».
photos_full = C'est { $max } photos, le maximum. Choisissez « Terminé ».
ask_description = Décrivez « { $product } » en quelques phrases : matière, origine, ce qui le rend spécial.
voice_received = Merci, votre message vocal sur « { $product } » est bien enregistré : notre équipe l'écoutera. Pouvez-vous aussi écrire une ligne pour le décrire ? Sinon, choisissez « Passer ».
ask_price = Quel est le prix de « { $product } » en dirhams, et pour quelle unité ? (par exemple : 150 DH le kilo)
ask_price_unit = Ce prix est pour quelle unité ?
confirm_price_conversion = { $said } { $currency }, cela fait { $price }. C'est bien ça ?
ask_moq = Quelle est la quantité minimum par commande ? (par exemple : { $example })
ask_more_products = Vous avez { $count ->
    [one] { $count } produit
   *[other] { $count } produits
}. Voulez-vous en ajouter un autre ?

## Récapitulatif

review_summary = Voici votre dossier. Vérifiez bien :
    🏢 { $business_name }
    👤 { $owner_name }
    📍 { $city } ({ $region })
    🏷️ { $sector }
    🆔 ICE : { $ice }
    📞 { $phone }
    ✉️ { $email }
    { $products }
    Tout est juste ? Envoyez le dossier, ou corrigez ce qu'il faut.
review_product = 📦 { $number }. { $name } — { $photos } { $photos ->
        [one] photo
       *[other] photos
    }
    { $description }
    Prix : { $price }
    Quantité minimum par commande : { $moq }
ask_edit_field = Que voulez-vous corriger ?
submitted = Merci ! Le dossier de « { $business_name } » est envoyé. Notre équipe le vérifie et vous répond ici.
already_submitted = Le dossier de « { $business_name } » est en cours de vérification. Nous vous écrirons ici dès qu'il y a du nouveau.

## Valeurs

value_missing = —
value_none = (non renseigné)
amount_value = { $amount } DH / { $unit }
price_range = { $low } à { $high } DH / { $unit }
amount_only = { $amount } DH
price_range_only = { $low } à { $high } DH
quantity_value = { $amount } { $unit }
quantity_only = { $amount }
# A minimum order's unit after its quantity ($count: plural where the language has one).
units_piece = { $count ->
    [one] pièce
   *[other] pièces
}
units_kg = kg
units_g = g
units_ton = { $count ->
    [one] tonne
   *[other] tonnes
}
units_l = { $count ->
    [one] litre
   *[other] litres
}
units_ml = ml
units_m = { $count ->
    [one] mètre
   *[other] mètres
}
units_m2 = m²
units_box = { $count ->
    [one] boîte
   *[other] boîtes
}
units_carton = { $count ->
    [one] carton
   *[other] cartons
}
units_bottle = { $count ->
    [one] bouteille
   *[other] bouteilles
}
units_set = { $count ->
    [one] lot
   *[other] lots
}
units_dozen = { $count ->
    [one] douzaine
   *[other] douzaines
}
units_pair = { $count ->
    [one] paire
   *[other] paires
}
label_plain = { $text }
currency_ryal = ryals
currency_franc = centimes
currency_MAD = DH

## Aide et navigation

help = Vous êtes dans la partie « { $section } ». Répondez à la question ci-dessous. Vous pouvez aussi écrire : « retour », « passer » (questions facultatives), « où en suis-je », « langue », « recommencer », « mes données » (tout ce que nous avons sur vous).
where_am_i = Vous êtes dans la partie « { $section } » : étape { $done } sur { $total }.
welcome_back = Bon retour ! Vous en étiez à la partie « { $section } » ({ $done }/{ $total }). On continue :
confirm_restart = Recommencer depuis le début ? Tout ce que vous avez saisi sera effacé.
offer_language_switch = Vous préférez continuer en { $language } ?
section_start = accueil
section_business = votre entreprise
section_product = vos produits
section_review = récapitulatif
section_done = dossier envoyé

## Réponses à corriger

invalid_choice = Choisissez une des réponses proposées (vous pouvez aussi taper son numéro).
invalid_empty = Je n'ai rien reçu. Écrivez votre réponse, s'il vous plaît.
invalid_too_long = C'est trop long : { $max } caractères au maximum, s'il vous plaît.
invalid_no_letters = Écrivez la réponse en lettres, s'il vous plaît.
invalid_ice = L'ICE ne contient que des chiffres : 15 chiffres.
invalid_ice_length = L'ICE a 15 chiffres ; j'en compte { $count }. Vérifiez-le, ou passez cette question.
invalid_email = Cette adresse e-mail ne semble pas valide (exemple : nom@gmail.com). Ou passez cette question.
invalid_phone = Je n'ai pas reconnu ce numéro. Écrivez-le comme 0612345678 ou +212612345678.
invalid_price = Je n'ai pas trouvé de prix. Écrivez un montant en dirhams et l'unité, par exemple : 150 DH le kilo.
invalid_moq = Écrivez une quantité avec un nombre, par exemple : 100 pièces ou 50 kg.
expected_photo = J'attends une photo du produit : envoyez-la ici.
expected_text = J'attends une réponse écrite ici.
    { $question }
photo_not_image = Ce fichier n'est pas une photo que je peux lire. Envoyez une image JPEG, PNG ou WebP.
photo_advice = Photo bien reçue, mais elle pourrait être meilleure :
    { $tips }
    Vous pouvez la remplacer, ou la garder telle quelle.
advice_dark = • elle est sombre : prenez-la près d'une fenêtre ou à la lumière du jour
advice_bright = • elle est trop claire : évitez le soleil direct ou le flash
advice_blurry = • elle est floue : tenez le téléphone immobile, touchez le produit à l'écran pour faire la mise au point
advice_too_small = • elle est petite : approchez-vous du produit
advice_duplicate = • elle ressemble beaucoup à une photo déjà envoyée : montrez plutôt un autre angle
advice_send_as_file = • astuce : envoyez-la « comme fichier » pour que Telegram ne la compresse pas
photo_send_another = D'accord, envoyez la nouvelle photo.
photo_too_large = Cette photo est trop lourde (20 Mo au maximum). Envoyez-en une plus légère.
photo_too_many_pixels = Cette image a beaucoup trop de pixels pour moi. Envoyez une photo normale, prise avec le téléphone.
photo_unavailable = Je n'ai pas pu récupérer cette photo. Renvoyez-la, s'il vous plaît.
photo_too_many = C'est { $max } photos au maximum par produit ; celle-ci n'a pas été ajoutée.
photos_need_one = Il faut au moins une photo du produit. Envoyez-en une.
stale_button = Ce bouton correspond à une question déjà passée. Voici la question actuelle :
cannot_skip = Cette question est obligatoire.
cannot_go_back = Impossible de revenir plus loin.
cannot_restart_submitted = Le dossier est déjà envoyé ; il ne peut plus être effacé d'ici.

## Boutons

lang_ary = الدارجة
lang_fr = Français
lang_ar = العربية
btn_yes = Oui
btn_no = Non
btn_done = Terminé
btn_skip = Passer
btn_back = Retour
btn_submit = Envoyer le dossier
btn_add_product = Ajouter un produit
btn_edit_business = Corriger l'entreprise
btn_edit_product = Corriger le produit { $number }
btn_more = Autres choix…
btn_none_of_these = Aucune de celles-ci
btn_keep = La garder
btn_replace = La remplacer
field_business_name = Nom de l'entreprise
field_owner_name = Votre nom
field_city = Ville
field_sector = Secteur
field_ice = ICE
field_phone = Téléphone
field_email = E-mail
field_product_name = Nom du produit
field_photos = Photos
field_description = Description
field_price = Prix
field_moq = Quantité minimum
sector_argan = Argan
sector_olive_oil = Huile d'olive
sector_food = Alimentation
sector_cosmetics = Cosmétique
sector_carpets = Tapis
sector_textiles = Textile
sector_leather = Cuir
sector_zellige = Zellige
sector_pottery = Poterie
sector_wood_metal = Bois et métal
sector_other = Autre
unit_piece = pièce
unit_kg = kg
unit_g = g
unit_ton = tonne
unit_l = litre
unit_ml = ml
unit_m = mètre
unit_m2 = m²
unit_box = boîte
unit_carton = carton
unit_bottle = bouteille
unit_set = lot
unit_dozen = douzaine
unit_pair = paire

## Mots acceptés à la place des boutons

words_yes = oui, ouais, ok, d'accord, daccord, bien sûr, c'est bon, yes
words_no = non, nan, pas maintenant, no
words_done = terminé, termine, fini, c'est tout, suivant
words_submit = envoyer, valider, envoyer le dossier
words_help = aide, aidez-moi, help, ?
words_back = retour, précédent, revenir
words_skip = passer, sauter, je n'ai pas, pas d'ice, je n'ai pas d'email, je n'ai pas d'e-mail, pas d'email, pas d'e-mail, pas de mail, je n'ai pas de mail, aucun, je n'en ai pas, pas d'ice, je n'ai pas d'ice
words_restart = recommencer, reset, tout effacer
words_where = où en suis-je, ou en suis je, où suis-je
words_language = langue, changer de langue
words_greeting = bonjour, salut, bonsoir, coucou, hello

## Web chat

ui_title = Tijara — inscription
ui_placeholder = Votre message…
ui_send = Envoyer
ui_photo = Photo
ui_restart = Nouvelle conversation
ui_error = Le message n'est pas parti. Vérifiez la connexion et réessayez.
ui_noscript = Cette page a besoin de JavaScript.

## Ce que le canal a remarqué

notice_edited = J'ai vu que vous avez modifié un message. Je ne peux pas prendre en compte une modification : envoyez plutôt la bonne réponse dans un nouveau message.
notice_file_too_large = Ce fichier est trop lourd pour moi (20 Mo au maximum). Envoyez une photo plus légère.
notice_contact_not_yours = Ce contact n'est pas le vôtre. Partagez votre propre numéro, ou écrivez-le.
notice_unsupported = Je ne sais pas lire ce type de message. Répondez par écrit ou avec une photo.
notice_agent_linked = C'est fait : ce chat est relié à votre compte d'agent. Les entreprises qui commencent avec votre lien vous sont attribuées.
notice_referral_invalid = Ce lien n'est plus valable ; ce n'est pas grave, on peut commencer quand même.

## Après l'envoi : décisions et rappels

decision_changes_requested = Notre équipe a relu votre dossier. Quelques points à corriger :
    { $items }
    { $note }
    On y va, point par point.
fix_item = • { $field } : { $reason }
fix_product_field = produit { $number }, { $field }
decision_approved = Bonne nouvelle : le dossier de « { $business_name } » est accepté ! Nous créons votre vitrine et vous envoyons le lien dès qu'elle est en ligne.
decision_rejected = Nous sommes désolés : votre dossier n'est pas accepté tel qu'il est. Pourquoi :
    { $reasons }
    { $note }
    Et maintenant ? Vous pouvez corriger ce qu'il faut et le renvoyer : choisissez « Modifier et renvoyer ». Pour parler à quelqu'un de l'équipe, écrivez « aide ».
decision_live = Votre vitrine est en ligne ! La voici : { $url }
reminder = Bonjour ! Votre inscription de « { $business_name } » n'est pas terminée. On continue là où vous en étiez ?
reason_photo_dark = la photo est trop sombre ; reprenez-la à la lumière du jour
reason_photo_blurry = la photo est floue ; tenez le téléphone bien immobile
reason_photo_small = la photo est trop petite ; approchez-vous du produit
reason_photo_missing = il manque une photo du produit
reason_price_unit = le prix n'indique pas l'unité (kilo, litre, pièce…)
reason_price_unclear = le prix n'est pas clair
reason_moq_unclear = la quantité minimum n'est pas claire
reason_ice_invalid = l'ICE n'est pas valide
reason_description_short = la description est trop courte
reason_name_unclear = le nom n'est pas clair
reason_city_unclear = la ville n'est pas claire
reason_other = à revoir

## Accompagnement par un agent

# L'agent remplit le dossier pour le propriétaire ; le propriétaire confirme sur son téléphone.
assist_ask_language = Dans quelle langue parle le propriétaire ? Il recevra son dossier dans cette langue.
assist_sent = C'est envoyé au propriétaire ({ $phone }) ✅ Il reçoit tout le dossier et doit le confirmer pour qu'il parte à l'équipe Tijara ; je vous préviens ici quand c'est fait.
    Si le message n'arrive pas, demandez-lui d'écrire « salam » à Tijara sur WhatsApp : il arrivera juste après.
    Écrivez « menu » pour revenir à votre menu.
assist_waiting_owner = Ce dossier attend la réponse du propriétaire au { $phone }. Vous pouvez le lui renvoyer ou corriger quelque chose.
owner_confirm = Bonjour ! Un agent Tijara a préparé avec vous la vitrine de « { $business_name } » :
    👤 { $owner_name }
    📍 { $city } ({ $region })
    🏷️ { $sector }
    🆔 ICE : { $ice }
    📞 { $phone }
    ✉️ { $email }
    { $products }
    Seuls l'équipe Tijara et votre agent voient ces informations, puis la place de marché une fois le dossier accepté ; vous pouvez les corriger ou les supprimer (loi 09-08).
    Tout est juste ? On l'envoie ?
owner_confirm_declined = D'accord, rien n'est envoyé. Si vous changez d'avis, répondez « Oui ».
btn_confirm_send = Oui, envoyer
btn_change = Corriger
btn_resend = Renvoyer

## Le menu de l'agent

agent_menu = Menu agent : que voulez-vous faire ?
btn_agent_new = Nouveau propriétaire
btn_agent_list = Mes entreprises
btn_agent_link = Mon lien et QR
btn_agent_menu = Menu
agent_ask_phone = Le numéro WhatsApp du propriétaire ? (ex. 0612345678) C'est sur ce téléphone qu'il confirmera.
agent_phone_invalid = Je n'arrive pas à lire ce numéro. Écrivez le portable du propriétaire, comme 0612345678.
agent_phone_landline = C'est un fixe : le propriétaire confirme sur WhatsApp, il me faut son portable (06… ou 07…).
agent_phone_own = C'est votre propre numéro. Écrivez celui du propriétaire.
agent_phone_taken = Le { $phone } a déjà une conversation Tijara qui n'est pas la vôtre. Demandez au propriétaire de continuer sur son téléphone, ou de scanner votre QR code.
agent_list = Vos entreprises :
    { $lines }{ $more ->
        [0] {""}
       *[other] {"\u000A"}… et { $more } autres sur les pages web.
    }
    Envoyez un numéro pour en ouvrir une.
agent_list_line = { $number }. { $name } — { $status }
agent_list_empty = Vous n'avez pas encore d'entreprise. Commencez par « Nouveau propriétaire », ou partagez votre lien.
agent_status_draft = en cours
agent_status_waiting_owner = attend l'accord du propriétaire
agent_status_submitted = en vérification
agent_status_changes_requested = corrections demandées
agent_status_approved = acceptée
agent_status_exported = acceptée
agent_status_rejected = refusée
agent_status_live = en ligne sur la place de marché
agent_status_handoff_failed = acceptée, vitrine bloquée
agent_opened_new = Nouveau propriétaire : { $phone }. Répondez aux questions à sa place ; écrivez « menu » à tout moment pour revenir à votre menu.
agent_opened = Ouvert : { $name }. Écrivez « menu » pour revenir à votre menu.
agent_referral = Votre lien personnel : { $link }
    Les propriétaires qui commencent avec ce lien vous sont attribués.{ $also_web ->
        [0] {""}
       *[other] {" "}Sur le web : { $web }
    }
    Le QR code à montrer sur votre stand est joint.
words_menu = menu, /menu, menu agent
agent_owner_confirmed = ✅ Le propriétaire a confirmé : « { $name } » part en vérification.
owner_confirm_short = Bonjour ! Votre agent Tijara a préparé votre dossier : il est dans le message juste au-dessus. Tout est juste, et vous êtes d'accord pour l'envoyer ?
place_name = { $fr }
greeting_hello = Bonjour 👋
owner_agent_busy = Votre agent Tijara est en train de remplir votre dossier avec vous. Dès qu'il a fini, vous recevrez ici tout le dossier à vérifier.
owner_joined = Bonjour ! Un agent Tijara a commencé votre dossier avec vous. Continuons ensemble :
assist_owner_busy = Le propriétaire est en train de répondre lui-même : je vous laisse ce dossier pour l'instant. Réessayez dans 20 minutes si besoin.
assist_submitted = « { $business_name } » est envoyé : vous suivez son statut dans « Mes entreprises ». Écrivez « menu » pour revenir à votre menu.
agent_owner_declined = Le propriétaire de « { $name } » n'a pas voulu l'envoyer pour l'instant. Rien n'est parti en vérification.
agent_ask_language = Dans quelle langue voulez-vous votre menu ?
agent_help = Votre menu d'agent :
    • « Nouveau propriétaire » : vous remplissez le dossier avec lui, il le confirme sur son WhatsApp.
    • « Mes entreprises » : leur statut ; un numéro en rouvre une.
    • « Mon lien et QR » : ce qui rattache à vous les propriétaires qui s'inscrivent seuls.
    Écrivez « menu » à tout moment pour revenir ici.

## Ce que les gens écrivent pour un choix

words_lang_ary = darija, darja, en darija, marocain, arabe marocain
words_lang_fr = fr, francais, en français, en francais, la langue française
words_lang_ar = arabe, en arabe, arabe classique, arabe littéraire
words_sector_argan = argane, huile d'argan, l'argan, argan oil
words_sector_olive_oil = olive, olives, huile olive, l'huile d'olive
words_sector_food = alimentaire, nourriture, produits alimentaires, miel, épices, dattes
words_sector_cosmetics = cosmétiques, beauté, savon, savon noir
words_sector_carpets = tapis berbère, tapis berbères, kilim, tapisserie
words_sector_textiles = textiles, couture, vêtements, broderie, caftan, djellaba
words_sector_leather = maroquinerie, babouches, sacs en cuir
words_sector_zellige = zelliges, mosaïque, carrelage
words_sector_pottery = céramique, poteries, tajine, tajines
words_sector_wood_metal = bois, métal, menuiserie, ferronnerie, dinanderie, cuivre
words_agent_new = nouveau, nouveau client, nouvelle entreprise, inscrire
words_agent_list = liste, mes dossiers, entreprises
words_agent_link = lien, qr, qr code, mon lien, code qr
btn_photos_clear = Remplacer les photos
photos_cleared = C'est fait : les photos précédentes sont retirées. Envoyez les nouvelles.
status_approved = Le dossier de « { $business_name } » est accepté ✅ Nous préparons votre vitrine et vous enverrons son lien ici dès qu'elle est en ligne.
status_rejected = Le dossier de « { $business_name } » n'a pas été accepté tel qu'il est. Pourquoi :
    { $reasons }
    { $note }
    Vous pouvez le corriger et le renvoyer (« Modifier et renvoyer »), ou écrire « aide » pour parler à quelqu'un de l'équipe.
status_live = La vitrine de « { $business_name } » est en ligne : { $url }
city_not_a_place = « { $typed } » n'est pas un nom de ville. Dans quelle ville ou quel village se trouve votre entreprise ?
assist_help = Vous répondez pour le propriétaire ; écrivez « menu » pour revenir à votre menu d'agent.

## Le premier tour, les réponses et les corrections (sans tour perdu)

welcome_found = Bonjour et bienvenue sur Tijara ! 👋
    Je vous aide à inscrire votre entreprise et vos produits sur la place de marché export.
    On continue en français ; pour une autre langue, choisissez « Autre langue ».
language_found = D'accord, on continue en français. Pour une autre langue, choisissez « Autre langue ».
language_hint = ختارو اللغة من التحت 👇
    اختاروا اللغة من الأسفل 👇
    ⁦Choisissez votre langue ci-dessous 👇⁩
btn_other_language = Autre langue
ask_moq_unit = { $amount }, mais de quoi ? Choisissez l'unité : pièces, kilos, litres…
review_changed = ✅ « { $field } » est modifié. On envoie le dossier, ou vous voulez revoir le résumé ?
btn_show_summary = Voir le résumé
photo_replaced = { $kept ->
    [0] C'est fait : la nouvelle photo remplace l'ancienne.
    [1] C'est fait : la nouvelle photo remplace celle à améliorer ; l'autre photo est gardée.
   *[other] C'est fait : la nouvelle photo remplace celle à améliorer ; les { $kept } autres photos sont gardées.
}
photo_which = Merci ! Cette nouvelle photo remplace laquelle ? Les photos sont numérotées dans l'ordre d'envoi. Vous pouvez aussi toutes les garder.
btn_photo_number = Photo { $number }
btn_keep_all = Tout garder
photo_fix = Envoyez la nouvelle photo de « { $product } » : elle remplacera celle que l'équipe a signalée. { $count ->
    [1] Votre photo actuelle est gardée en attendant.
   *[other] Vos { $count } photos actuelles sont gardées en attendant.
}
ui_restart_confirm = Effacer cette conversation et recommencer ?
ui_restart_yes = Oui, recommencer
ui_cancel = Annuler
