## retention — vos données (loi 09-08) : le consentement, « mes données »
## Les mots que l'on tape pour voir ses données sont dans flows/langdata/privacy.tsv.

ask_consent = Avant de commencer, voici ce que nous faisons de vos informations (loi 09-08).

    { consent_terms }

    Êtes-vous d'accord ?
# What is collected, who sees it, how long, the rights: in the consent, and before an
# owner confirms a draft an agent filled in.
consent_terms =
    📋 Ce que nous enregistrons : le nom de l'entreprise et le vôtre, la ville, le secteur, l'ICE, le téléphone, l'e-mail, vos produits (textes et prix), leurs photos et vos messages vocaux.

    👀 Qui les voit : l'équipe Tijara, et l'agent qui vous accompagne s'il y en a un. Une fois le dossier accepté, la place de marché reçoit tout le dossier, et votre vitrine publique montre l'entreprise (nom, ville, secteur) et vos produits (photos, textes, prix).

    ⏳ Combien de temps : tant que votre vitrine existe. Un dossier inachevé est effacé après { $draft_days } jours sans nouvelles, un dossier refusé après { $rejected_days } jours.

    ✋ Vos droits, à tout moment :
    « mes données » pour tout voir ;
    « supprimer mes données » pour tout effacer ;
    pour corriger : « Corriger » au récapitulatif, ou écrivez-nous.
    { $contact }
consent_contact = 📮 Une question sur vos données : { $contact }
consent_contact_chat = 📮 Une question sur vos données ? Écrivez-la ici, l'équipe vous répond.
consent_updated = Nous avons mis à jour notre note sur vos informations. Votre dossier ne change pas : lisez-la, puis dites-nous si vous êtes d'accord.
consent_thanks = Merci ! On reprend là où vous en étiez.
consent_again_declined = Compris : nous n'utilisons plus vos informations tant que vous n'êtes pas d'accord. Pour tout effacer, écrivez « supprimer mes données ». Si vous changez d'avis, répondez « Oui ».

my_data_summary = Voici tout ce que nous avons sur vous :
    🏢 { $business_name }
    👤 { $owner_name }
    📍 { $city } ({ $region })
    🏷️ { $sector }
    🆔 ICE : { $ice }
    📞 { $phone }
    ✉️ { $email }
    { $products }
    📷 { $photo_count } { $photo_count ->
        [one] photo
       *[other] photos
    }, 🎙️ { $voice_count } { $voice_count ->
        [one] message vocal
       *[other] messages vocaux
    }
    📌 { $status }
    👀 Qui les voit :
    { $seen_by }
    ✅ { $consent }
my_data_status_draft = pas encore envoyé, vous le remplissez.
my_data_status_review = version { $revision } envoyée, en cours de vérification.
my_data_status_changes = version { $revision } : l'équipe vous a demandé des corrections.
my_data_status_approved = version { $revision } acceptée.
my_data_status_rejected = version { $revision } refusée.
my_data_status_live = version { $revision } en ligne sur la place de marché.
my_data_seen_nobody = • pas encore l'équipe Tijara : rien n'est envoyé
my_data_seen_team = • l'équipe Tijara
my_data_seen_agent = • { $name }, l'agent Tijara qui vous accompagne
my_data_seen_marketplace = • la place de marché (tout le dossier)
my_data_seen_public = • tout le monde : votre vitrine publique montre l'entreprise et vos produits { $url }
my_data_consent = Votre accord : le { $date }.
my_data_no_consent = Vous n'avez pas encore donné votre accord.
my_data_link = 📦 Tout télécharger en un fichier ZIP (vos informations, vos photos et vos messages vocaux) : { $url }
    Ce lien est personnel et marche { $days } jours : ne le partagez pas.
my_data_link_refused = Ce lien n'est plus valable : il a expiré ou il est incomplet. Écrivez « mes données » dans votre conversation avec Tijara pour en recevoir un nouveau.
my_data_gone = Nous n'avons plus aucune donnée derrière ce lien.
# Typed for "my data" (more spellings and sentences in flows/langdata/privacy.tsv).
words_my_data = mes données, mes donnees
# README.txt of the "my data" ZIP.
my_data_readme = Tijara : tout ce que nous détenons sur vous (loi 09-08). data.json : chaque information gardée, telle qu'elle est enregistrée. photos/ et voice/ : vos fichiers (data.json donne l'empreinte sha256 de chacun).
