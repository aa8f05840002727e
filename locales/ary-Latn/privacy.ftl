## retention — l ma3lomat dyalkom (l9anoun 09-08): l mwaf9a, « les données dyali »
## L klmat li kaykteb nas bach ychofo l ma3lomat dyalhom: flows/langdata/privacy.tsv

ask_consent = 9bel ma nbdaw, ha chno kandiro b l ma3lomat dyalkom (l9anoun 09-08).

    { consent_terms }

    Wach mwafqin?
# What is collected, who sees it, how long, the rights: in the consent, and before an
# owner confirms a draft an agent filled in.
consent_terms =
    📋 Chno kansjlo: smiya dyal charika w smiya dyalkom, l mdina, l mjal, l ICE, nmra dyal tilifon, l email, sel3a dyalkom (lktaba w taman), tsawer dyalha w l vocaux li sifttou.

    👀 Chkoun kaychofha: l equipe dyal Tijara, w l agent li kaytb3kom ila kan. Mli yt9bel l malaf, l plateforme katakhd l malaf kaml, w l page dyalkom li kaychofha nas katbyen charika (smiya, l mdina, l mjal) w sel3a (tsawer, lktaba, taman).

    ⏳ Ch7al kankhliwha: mada l page dyalkom kayna. L malaf li ma tkmelch kaytms7 mn b3d { $draft_days } youm bla akhbar, w l malaf li trfed mn b3d { $rejected_days } youm.

    ✋ L 7o9o9 dyalkom, f ay w9t:
    « les données dyali » bach tchofo kolchi;
    « mse7 les données dyali » bach tms7o kolchi;
    bach tsl7o: « Tss7i7 » f l molakhass, wla ktbo lina.
    { $contact }
consent_contact = 📮 Ila 3ndkom chi so2al 3la l ma3lomat dyalkom: { $contact }
consent_contact_chat = 📮 3ndkom chi so2al 3la l ma3lomat dyalkom? Ktbouh hna, w l equipe ghadi tjawbkom.
consent_updated = Bdelna lkalam li kaychre7 chno kandiro b l ma3lomat dyalkom. L malaf dyalkom ma tbdel fih walo: 9rawh, w goulo lina wach mwafqin.
consent_thanks = Chokran! Nkmlo mn fin w9ftou.
consent_again_declined = Fhmnakom: ma ghadich nst3mlo l ma3lomat dyalkom 7ta twaf9o. Bach tms7o kolchi, ktbo « mse7 les données dyali ». Ila bdeltiw ra2y, jawbo b « Iyeh ».

my_data_summary = Ha kolchi li 3ndna 3likom:
    🏢 { $business_name }
    👤 { $owner_name }
    📍 { $city } ({ $region })
    🏷️ { $sector }
    🆔 ICE: { $ice }
    📞 { $phone }
    ✉️ { $email }
    { $products }
    📷 Tsawer: { $photo_count }, 🎙️ Vocaux: { $voice_count }
    📌 { $status }
    👀 Chkoun kaychofha:
    { $seen_by }
    ✅ { $consent }
my_data_status_draft = mazal ma tsiftch, rakom kat3mroh.
my_data_status_review = nuskha { $revision } tsiftat, w kanraj3ouha.
my_data_status_changes = nuskha { $revision }: l equipe tlbat mnkom tsl7o chi 7wayj.
my_data_status_approved = nuskha { $revision } t9blat.
my_data_status_rejected = nuskha { $revision } trfdat.
my_data_status_live = nuskha { $revision } tal3a f l plateforme.
my_data_seen_nobody = • 7ta wa7ed mn l equipe dyal Tijara mazal: ma tsift walo
my_data_seen_team = • l equipe dyal Tijara
my_data_seen_agent = • { $name }, l agent dyal Tijara li kaytb3kom
my_data_seen_marketplace = • l plateforme (l malaf kaml)
my_data_seen_public = • nas kamlin: l page dyalkom katbyen charika w sel3a { $url }
my_data_consent = Wafa9tou nhar { $date }.
my_data_no_consent = Mazal ma wafa9touch.
my_data_link = 📦 Téléchargiw kolchi f fichier ZIP (l ma3lomat, tsawer w l vocaux): { $url }
    Had l lien dyalkom b wa7dkom w khdam { $days } iyam: ma t3tiwh l 7ta wa7ed.
my_data_link_refused = Had l lien ma b9ach sale7: sala l w9t dyalo wla na9s. Ktbo « les données dyali » f lmo7adata m3a Tijara bach iwslkom lien jdid.
my_data_gone = Ma b9at 3ndna 7ta ma3loma f had l lien.
# Typed for "my data" (more spellings and sentences in flows/langdata/privacy.tsv).
words_my_data = les données dyali, l ma3lomat dyali
# README.txt of the "my data" ZIP.
my_data_readme = Tijara: kolchi li 3ndna 3likom (l9anoun 09-08). data.json: kol ma3louma kanhtafdo biha kima tsjlat. photos/ w voice/: l fichiers dyalkom (data.json fih l bassma sha256 dyal kol fichier).
