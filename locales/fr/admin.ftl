### Tijara — pages de revue (administrateurs et agents terrain), en français.
### Les propriétaires ne voient jamais ces phrases ; l'arabe (locales/ar/admin.ftl)
### a exactement les mêmes clés et les mêmes variables.

## Cadre

admin_brand = Tijara
admin_brand_sub = Revue des inscriptions
admin_lang_name = Français
admin_nav_queue = Inscriptions
admin_nav_funnel = Entonnoir
admin_nav_export = Export CSV
admin_logout = Se déconnecter
admin_role_admin = Administrateur
admin_role_agent = Agent terrain
admin_agent_scope = Vous voyez uniquement les entreprises que vous avez accompagnées.
admin_skip_to_content = Aller au contenu

## Connexion

admin_login_title = Connexion
admin_login_intro = Espace réservé à l'équipe de revue et aux agents terrain.
admin_email = Adresse e-mail
admin_password = Mot de passe
admin_login_submit = Se connecter
admin_login_failed = Adresse e-mail ou mot de passe incorrect.
admin_login_throttled = Trop de tentatives de connexion. Pour votre sécurité, réessayez dans { $minutes } minutes.
admin_login_wait = Trop de tentatives de connexion à ce compte. Pour votre sécurité, réessayez dans { $seconds ->
    [one] une seconde
   *[other] { $seconds } secondes
}.
admin_missed_logins = { $count ->
    [one] Une tentative de connexion à votre compte a échoué
   *[other] { $count } tentatives de connexion à votre compte ont échoué
} depuis votre dernière connexion, la dernière depuis l'adresse { $address } le { $date }.
admin_logged_out = Vous êtes déconnecté. À bientôt !

## Erreurs

admin_error_title = Page indisponible
admin_error_403 = Vous n'avez pas accès à cette page.
admin_error_404 = Cette page n'existe pas ou plus.
admin_error_csrf = Ce formulaire a expiré. Rechargez la page et recommencez.
admin_error_origin = Ce formulaire ne vient pas de ce site : il a été refusé. Ouvrez la page ici même et recommencez.
admin_back_to_queue = Retour aux inscriptions

## Statuts, canaux, langues

admin_status_submitted = À examiner
admin_status_changes_requested = Modifications demandées
admin_status_approved = Approuvée
admin_status_rejected = Rejetée
admin_status_live = En ligne
admin_status_handoff_failed = Échec de transmission
admin_status_exported = Exportée
admin_status_all = Toutes
admin_channel_telegram = Telegram
admin_channel_whatsapp = WhatsApp
admin_channel_web = Chat web
admin_channel_terminal = Terminal
admin_language_ary = Darija
admin_language_fr = Français
admin_language_ar = Arabe
admin_script_Arab = écriture arabe
admin_script_Latn = écriture latine
admin_unknown = Non renseigné
admin_no_agent = Sans agent
admin_value_missing = —

## File d'attente

admin_queue_title = Inscriptions
admin_filters = Filtres
admin_filter_region = Région
admin_filter_sector = Secteur
admin_filter_channel = Canal
admin_filter_language = Langue
admin_filter_agent = Agent
admin_filter_from = Du
admin_filter_to = Au
admin_filter_search = Recherche
admin_filter_any_region = Toutes
admin_filter_any_sector = Tous
admin_filter_any_channel = Tous
admin_filter_any_language = Toutes
admin_filter_any_agent = Tous
admin_search_placeholder = Entreprise, gérant, ville, produit, téléphone…
admin_filter_apply = Filtrer
admin_filter_reset = Effacer les filtres
admin_col_id = N°
admin_col_business = Entreprise
admin_col_place = Ville · région
admin_col_sector = Secteur
admin_col_channel = Canal
admin_col_agent = Agent
admin_col_submitted = Soumise le
admin_col_status = Statut
admin_products_count = { $count ->
    [one] { $count } produit
   *[other] { $count } produits
}
admin_queue_empty = Aucune inscription ne correspond à ces filtres.
admin_queue_total = { $count ->
    [one] { $count } inscription
   *[other] { $count } inscriptions
}
admin_page_of = Page { $page } sur { $pages }
admin_page_past_end = La page { $page } n'existe pas : cette liste s'arrête à la page { $pages }.
admin_last_page = Aller à la dernière page ({ $pages })
admin_prev = Précédente
admin_next = Suivante
admin_export_filtered = Exporter ces inscriptions (CSV)

## Fiche d'une inscription

admin_detail_title = Inscription n° { $id }
admin_revision = version { $revision }
admin_submitted_on = Soumise le { $date }
admin_section_business = Entreprise
admin_section_origin = Origine
admin_section_products = Produits
admin_section_voice = Notes vocales
admin_section_history = Historique des statuts
admin_section_edits = Corrections
admin_section_decision = Décision
admin_section_handoff = Messages et transmission
admin_field_business_name = Nom commercial
admin_field_owner_name = Gérant
admin_field_phone = Téléphone
admin_field_email = E-mail
admin_field_city = Ville
admin_field_region = Région
admin_field_sector = Secteur
admin_field_ice = ICE
admin_field_language = Langue
admin_field_channel = Canal
admin_field_agent = Agent
admin_field_consent = Consentement (loi 09-08)
admin_field_product_name = Nom du produit
admin_field_name = Nom du produit
admin_field_photos = Photos
admin_field_description = Description
admin_field_price = Prix
admin_field_moq = Quantité minimum
admin_field_price_amount = Prix (MAD)
admin_field_price_max = Prix maximum (MAD)
admin_field_price_unit = Unité du prix
admin_field_moq_quantity = Quantité minimum
admin_field_moq_unit = Unité de la quantité
admin_field_title_en = Titre en anglais
admin_field_description_en = Description en anglais
admin_product_heading = Produit { $number }
admin_product_field = Produit { $number } · { $field }
admin_price_value = { $amount } MAD
admin_price_per = { $amount } MAD / { $unit }
admin_no_photos = Aucune photo
admin_photo_alt = Photo { $number } de « { $product } »
admin_photo_size = { $width } × { $height } px
admin_voice_note = Note vocale { $number }
admin_voice_duration = { $seconds } s
admin_advice_too_small = Trop petite
admin_advice_blurry = Floue
admin_advice_dark = Sombre
admin_advice_bright = Surexposée
admin_edit = Corriger
admin_save = Enregistrer
admin_english_heading = Pour la place de marché (en anglais)
admin_english_missing = Aucun texte anglais : rien n'a été reconnu, à rédiger
admin_english_edit = Modifier le texte anglais
admin_saved = Corrections enregistrées.
admin_saved_city_unknown = Corrections enregistrées. Ville non reconnue : elle est gardée telle que saisie et la région n'a pas changé — vérifiez-la.
admin_correction_refused = Correction non enregistrée : vérifiez « { $field } » (le formulaire garde ce que vous avez saisi).
admin_required_hint = * obligatoire
admin_error_required = Obligatoire : ce champ ne peut pas rester vide.
admin_expect_valid = Valeur non reconnue.
admin_expect_phone = Attendu : un numéro de téléphone, par ex. 06 12 34 56 78 ou +212 6 12 34 56 78.
admin_expect_email = Attendu : une adresse e-mail, par ex. nom@exemple.ma.
admin_expect_ice = Attendu : l'ICE, 15 chiffres (espaces et points permis), par ex. 001 525 478 000 036.
admin_expect_region = Choisissez une région de la liste.
admin_expect_sector = Choisissez un secteur de la liste.
admin_expect_price_amount = Attendu : un montant positif en dirhams, par ex. 150 ou 45,50.
admin_expect_price_max = Attendu : un montant plus grand que le prix, ou rien.
admin_expect_moq_quantity = Attendu : une quantité positive, par ex. 20 ou 2,5.
admin_expect_price_unit = Choisissez une unité de la liste.
admin_expect_moq_unit = Choisissez une unité de la liste.
admin_city_help = Une ville connue (« casa », « الصويرة »…) est enregistrée sous son nom, avec sa région ; sinon le texte est gardé tel quel et la région ne change pas.
admin_translation_saved = Texte anglais enregistré.
admin_nothing_changed = Rien n'a changé.
admin_not_editable = Cette inscription ne peut plus être corrigée dans son état actuel.
admin_invalid_value = Valeur invalide pour « { $field } ».
admin_edits_empty = Aucune correction pour l'instant.
admin_edit_by = { $actor }, le { $date }
admin_history_by = { $actor }, le { $date }
admin_history_asked = Demandé au propriétaire :
admin_actor_owner = le propriétaire
admin_actor_cli = ligne de commande
admin_actor_worker = système

## Décisions

admin_approve = Approuver
admin_approve_help = L'inscription part vers la vitrine et le propriétaire est prévenu dans sa langue.
admin_approve_confirm = Confirmer l'approbation
admin_approve_blocked = Approbation impossible : il manque des champs obligatoires.
admin_approve_blocked_help = Corrigez-les sur cette page, ou demandez-les au propriétaire.
admin_approve_missing = Cette inscription ne peut pas être approuvée : des champs obligatoires manquent (voir « Décision »).
admin_request_changes = Demander des modifications
admin_request_changes_help = Le propriétaire reçoit, dans sa langue, chaque point à corriger et peut le reprendre directement.
admin_reject = Rejeter
admin_reject_help = Le propriétaire reçoit les raisons cochées dans sa langue, votre message tel quel, et ce qu'il peut faire ensuite : corriger et renvoyer son dossier, ou demander à parler à quelqu'un.
admin_field_to_fix = Champ
admin_reason = Motif
admin_note = Message au propriétaire (facultatif)
admin_choose = Choisir…
admin_more_items = Ajouter d'autres champs
admin_reason_photo_dark = Photo trop sombre
admin_reason_photo_blurry = Photo floue
admin_reason_photo_small = Photo trop petite
admin_reason_photo_missing = Photo manquante
admin_reason_price_unit = Unité du prix manquante
admin_reason_price_unclear = Prix pas clair
admin_reason_moq_unclear = Quantité minimum pas claire
admin_reason_ice_invalid = ICE invalide
admin_reason_description_short = Description trop courte
admin_reason_name_unclear = Nom pas clair
admin_reason_city_unclear = Ville pas claire
admin_reason_other = Autre (préciser dans le message)
admin_decision_done_approved = Inscription approuvée : le propriétaire est prévenu et la vitrine est en préparation.
admin_decision_done_changes_requested = Demande envoyée : le propriétaire sait quoi corriger.
admin_decision_done_rejected = Inscription rejetée : le propriétaire est prévenu.
admin_decision_invalid = Cette décision n'est plus possible : l'inscription est « { $status } ».
admin_changes_need_items = Cochez une raison, choisissez un champ à corriger, ou écrivez un message au propriétaire.
admin_reject_needs_reason = Cochez au moins une raison du rejet, ou écrivez un message au propriétaire.
admin_no_decision = Aucune décision n'est attendue dans cet état.
admin_agent_readonly = Lecture seule : les décisions sont prises par l'équipe de revue.

## Messages et transmission

admin_outbox_empty = Rien n'a encore été envoyé pour cette inscription.
admin_outbox_kind_notify = Message au propriétaire
admin_outbox_kind_handoff = Transmission à la vitrine
admin_outbox_status_pending = En attente
admin_outbox_status_done = Fait
admin_outbox_status_failed = Échec
admin_outbox_status_inbox = En attente de lecture
admin_attempts = { $count ->
    [one] { $count } tentative
   *[other] { $count } tentatives
}
admin_next_try = prochain essai le { $date }
admin_last_error = Dernière erreur
admin_retry = Relancer la transmission
admin_retry_help = L'inscription repasse « Approuvée » et part de nouveau vers la vitrine, sans jamais être créée deux fois.
admin_storefront = Vitrine en ligne
admin_retried = Transmission relancée : elle repart maintenant.
admin_retry_impossible = Cette transmission ne peut pas être relancée maintenant.

## Entonnoir

admin_funnel_title = Entonnoir d'inscription
admin_funnel_intro = Conversations commencées sur la période, et jusqu'où chacune est allée.
admin_funnel_by = Regrouper par
admin_group_region = Région
admin_group_channel = Canal
admin_group_language = Langue
admin_group_agent = Agent
admin_funnel_groups_region = Par région
admin_funnel_groups_channel = Par canal
admin_funnel_groups_language = Par langue
admin_funnel_groups_agent = Par agent
admin_stage_started = Commencées
admin_stage_language = Langue choisie
admin_stage_registered = Entreprise renseignée
admin_stage_product = Premier produit
admin_stage_photos = Photos envoyées
admin_stage_submitted = Soumises
admin_stage_approved = Approuvées
admin_stage_live = En ligne
admin_funnel_total = Ensemble
admin_percent = { $percent } %
admin_funnel_from_previous = { $percent } % de l'étape précédente
admin_funnel_empty = Aucune conversation sur cette période.
admin_funnel_show = Afficher

## review
admin_reasons_legend = Raisons (le propriétaire les reçoit dans sa langue)
admin_note_as_typed = Envoyé tel quel, présenté comme vos propres mots.
admin_history_reasons = Raisons :
admin_review_reason_photo_quality = Photo trop sombre ou floue
admin_review_reason_photo_not_product = La photo ne montre pas le produit
admin_review_reason_price_unclear = Prix pas clair ou manquant
admin_review_reason_moq_unclear = Quantité minimum pas claire
admin_review_reason_description_short = Description manquante ou trop courte
admin_review_reason_product_name_unclear = Nom du produit pas clair
admin_review_reason_ice_invalid = ICE invalide
admin_review_reason_business_incomplete = Nom commercial ou ville manquant
admin_review_reason_phone_unreachable = Injoignable au numéro donné
admin_review_reason_product_not_allowed = Produit non autorisé sur la place de marché
admin_review_reason_duplicate = Dossier en double
admin_resubmitted = Renvoyé · version { $revision }
admin_changes_title = Ce qui a changé depuis la version { $revision }
admin_changes_none = Rien n'a changé depuis la version { $revision }.
admin_changes_unknown = La version précédente n'a pas été gardée (envoyée avant que les versions soient conservées) : impossible de comparer.
admin_changes_business = Entreprise
admin_changes_product_added = Produit { $number } ajouté
admin_changes_product_removed = Produit { $number } retiré
admin_changes_product_changed = Produit { $number } modifié
admin_changes_photos_added = Photos ajoutées
admin_changes_photos_removed = Photos retirées
admin_changes_old = avant
admin_changes_new = maintenant
admin_changes_photo_alt = Photo { $number } de « { $product } »
## agents

admin_agent_link_title = Votre lien personnel
admin_agent_link_intro = Les propriétaires qui commencent avec ce lien (ou son QR code) vous sont attribués.
admin_link_open = Ouvrir
admin_link_copy = Copier
admin_link_copied = Lien copié.
admin_link_copy_failed = Copie impossible : sélectionnez le lien pour le copier.
admin_link_share = Partager
admin_link_qr = QR code
admin_status_waiting_owner = Attend le propriétaire
admin_waiting_owner_title = { $count ->
    [one] Un dossier attend l'accord de son propriétaire
   *[other] { $count } dossiers attendent l'accord de leur propriétaire
}
admin_waiting_owner_intro = Remplis par un agent, pas encore envoyés : le propriétaire doit les lire et les confirmer (sur WhatsApp, ou avec le lien que l'agent lui montre). Ils ne sont pas encore dans la file de vérification.
admin_funnel_waiting_owner = { $count ->
    [one] Dont un dossier rempli par un agent qui attend l'accord de son propriétaire (compté jusqu'où il est allé, pas encore soumis).
   *[other] Dont { $count } dossiers remplis par un agent qui attendent l'accord de leur propriétaire (comptés jusqu'où ils sont allés, pas encore soumis).
}
## erasure
admin_erase_title = Effacer ce propriétaire (loi 09-08)
admin_erase_help = Efface tout ce qui le concerne : conversations, dossier, produits, photos, messages vocaux, exports ; sa vitrine est retirée de la place de marché. Irréversible. Seul un décompte anonyme et une trace dans le journal restent.
admin_erase_reason = Motif (obligatoire, gardé dans le journal)
admin_erase_confirm = Je confirme : tout sera effacé, définitivement.
admin_erase_button = Effacer définitivement
admin_erase_needs_reason = Indiquez le motif et cochez la confirmation pour effacer.
admin_erased = Le propriétaire a été effacé. Ses fichiers et sa vitrine suivent dans quelques instants.
## retention
admin_nav_audit = Journal
admin_audit_title = Journal des accès
admin_audit_intro = Qui a consulté, exporté, décidé ou corrigé quoi, quand et d'où. Le journal ne se modifie pas.
admin_audit_action = Action
admin_audit_all = Toutes
admin_audit_when = Quand
admin_audit_actor = Qui
admin_audit_subject = Sur quoi
admin_audit_remote = Adresse
admin_audit_detail = Détail
admin_audit_empty = Aucune entrée.
admin_audit_newest = Les plus récentes
admin_audit_older = Plus anciennes
admin_audit_action_login = Connexion
admin_audit_action_login_failed = Connexion refusée
admin_audit_action_logout = Déconnexion
admin_audit_action_export_csv = Export CSV
admin_audit_action_export_owner = Export des données d'un propriétaire
admin_audit_action_erase = Effacement
admin_audit_action_decision = Décision
admin_audit_action_correction = Correction
admin_audit_action_retention = Conservation
admin_owner_export = Télécharger ses données (ZIP)
admin_owner_export_hint = Tout ce que nous détenons sur ce propriétaire : un fichier JSON, ses photos et messages vocaux. Le téléchargement est inscrit au journal.
admin_consent = Consentement
admin_consent_version = version { $version }, le { $date }
admin_consent_none = pas encore donné
admin_consent_old = (ancienne version : il sera redemandé)
## support

admin_nav_support = Assistance
admin_support_title = Assistance
admin_support_intro = Les patrons qui ont demandé à parler à une personne. Le bot se tait tant que la demande est ouverte.
admin_support_agent_scope = Vous voyez les demandes des patrons que vous avez amenés.
admin_support_list_open = Ouvertes
admin_support_list_waiting = En attente de l'équipe
admin_support_list_closed = Fermées
admin_support_empty_open = Aucune demande ouverte.
admin_support_empty_waiting = Personne n'attend de réponse.
admin_support_empty_closed = Aucune demande fermée.
admin_support_no_name = Demande n° { $id } (entreprise sans nom)
admin_support_agent = Agent : { $name }
admin_support_updated = Dernier message : { $date }
admin_support_opened = Ouverte le { $date }
admin_support_state_waiting = Attend une réponse
admin_support_state_answered = Répondu
admin_support_state_closed = Fermée
admin_support_request_title = Demande d'assistance n° { $id }
admin_support_back = Toutes les demandes
admin_support_transcript = La conversation
admin_support_transcript_empty = Aucun message pour l'instant.
admin_support_side_owner = Patron
admin_support_side_bot = Bot
admin_support_side_staff = { $name } (équipe)
admin_support_photo_alt = Photo envoyée par le patron
admin_support_button = Bouton choisi : { $payload }
admin_support_answer_title = Répondre au patron
admin_support_answer_label = Votre réponse (le patron la lit telle quelle, avec votre nom)
admin_support_send = Envoyer
admin_support_close = Fermer la demande et rendre la main au bot
admin_support_close_hint = Le patron est prévenu et reprend son dossier là où il en était.
admin_support_closed_by = Fermée par { $who } le { $date }.
admin_support_way_telegram = Part sur Telegram.
admin_support_way_web = Apparaît dans le chat web du patron (sa page la récupère, au plus tard sous 20 secondes).
admin_support_way_terminal = Apparaît dans le terminal du patron.
admin_support_way_whatsapp_window = Part sur WhatsApp en texte libre (le patron a écrit il y a moins de 24 heures).
admin_support_way_whatsapp_template = Plus de 24 heures depuis son dernier message : part sur WhatsApp par le modèle approuvé.
admin_support_way_whatsapp_held = Plus de 24 heures depuis son dernier message et aucun modèle approuvé : le message attendra que le patron écrive.
admin_support_via_telegram = Envoyé sur Telegram
admin_support_via_web = Déposé dans le chat web
admin_support_via_terminal = Déposé dans le terminal
admin_support_via_whatsapp_window = WhatsApp, texte libre
admin_support_via_whatsapp_template = WhatsApp, par le modèle approuvé
admin_support_via_whatsapp_held = WhatsApp, en attente d'un message du patron
admin_support_sent_telegram = Réponse envoyée sur Telegram.
admin_support_sent_web = Réponse déposée dans le chat web du patron.
admin_support_sent_terminal = Réponse déposée dans le terminal du patron.
admin_support_sent_whatsapp_window = Réponse envoyée sur WhatsApp en texte libre.
admin_support_sent_whatsapp_template = Réponse envoyée sur WhatsApp par le modèle approuvé (hors de la fenêtre de 24 heures).
admin_support_sent_whatsapp_held = Hors de la fenêtre de 24 heures et sans modèle approuvé : la réponse partira dès que le patron écrira.
admin_support_closed_done = Demande fermée : le bot a repris la conversation.
admin_support_empty = Écrivez une réponse avant d'envoyer.
admin_support_not_open = Cette demande est déjà fermée : rien n'a été envoyé.
admin_support_resumes_at = Où le bot reprendra (sa dernière question, dans la langue du patron)
## changes
admin_reject_live = Cette vitrine est déjà en ligne : ce sont des changements. Demandez des corrections au lieu de les refuser ; la vitrine garde sa version acceptée.
## taxonomy
admin_generated_heading = Fiche anglaise générée (à vérifier, non modifiable ici)
admin_generated_type = Code SH { $hs } (6 chiffres, à faire vérifier par un transitaire) · type reconnu à { $confidence } %
admin_generated_unsure = Type incertain, le plus probable :
admin_generated_none = Produit non reconnu : aucune fiche générée.
admin_readiness = Prête pour les acheteurs : { $score }/100
admin_readiness_next_photos = À ajouter : des photos ({ $count } attendues)
admin_readiness_next_price = À ajouter : le prix
admin_readiness_next_moq = À ajouter : la commande minimum
admin_readiness_next_description = À ajouter : une description
admin_readiness_next_type = À préciser : de quel produit il s'agit
admin_readiness_next_attr_size = À ajouter : les dimensions
admin_readiness_next_attr_volume = À ajouter : le volume (ml, L)
admin_readiness_next_attr_weight = À ajouter : le poids net
admin_readiness_next_attr_material = À ajouter : la matière
admin_readiness_next_attr_colour = À ajouter : la couleur
admin_readiness_next_attr_certification = À ajouter : les certifications (bio, ONSSA…)
admin_readiness_next_attr_finish = À ajouter : la finition
admin_readiness_next_attr_pattern = À ajouter : le motif
## buyerq
admin_buyerq_heading = Questions des acheteurs
admin_field_capacity = Capacité de production
admin_field_lead_time = Délai d'une première commande
admin_per_day = jour
admin_per_week = semaine
admin_per_month = mois
admin_per_year = an
admin_lead_time_days = { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    }
admin_field_certifications = Certificats
admin_certifications_none = Aucun certificat
admin_cert_organic = Bio / ECOCERT
admin_cert_fairtrade = Commerce équitable
admin_cert_onssa = ONSSA
admin_cert_iso = ISO
admin_cert_number = n°
admin_cert_expires = valable jusqu'au
admin_field_fda = Enregistré auprès de la FDA (États-Unis)
admin_fda_yes = Oui
admin_fda_no = Non
admin_fda_unknown = Ne sait pas
admin_field_export = Export
admin_export_never = Jamais
admin_export_few = Quelques fois
admin_export_regular = Régulièrement
admin_field_packaging = Emballage
## listing
admin_english_generated = Généré à partir de ses mots, non retouché
admin_english_edited = Retouché par l'équipe : c'est ce texte qui part partout
admin_english_edit_help = Prérempli avec la fiche générée. Ce que vous changez remplace le texte généré partout (boutique, exports CSV, liste JSON) ; un champ laissé tel quel suit les mots du propriétaire. Le type choisi change le code SH et les attributs lus.
admin_field_type = Type de produit
admin_type_recognised = Celui reconnu dans ses mots
admin_english_reset_button = Revenir au texte généré
admin_english_reset = Fiche anglaise revenue au texte généré.
admin_generated_chosen = Code SH { $hs } (6 chiffres, à faire vérifier par un transitaire) · type choisi par l'équipe
admin_generated_owner = Code SH { $hs } (6 chiffres, à faire vérifier par un transitaire) · type choisi par le propriétaire
