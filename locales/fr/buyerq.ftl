## The buyers' questions (flows/buyerq.py): after the products, each can be skipped.

section_buyer = les questions des acheteurs
ask_buyer_questions = Votre dossier est presque prêt. Les acheteurs professionnels (Amérique du Nord) posent d'abord quelques questions : quantité par mois, délai, certificats, export, emballage. Des réponses courtes rendent votre vitrine plus sérieuse, et chaque question peut être passée. On y va ?
btn_buyerq_start = Oui, on y va
btn_buyerq_later = Tout passer
ask_capacity = Produit { $number } « { $product } » : combien pouvez-vous en produire par mois ? (par exemple : { $example } par mois)
invalid_capacity = Écrivez une quantité avec un nombre, par exemple : 200 litres par mois ou 500 pièces par mois. Ou passez la question.
ask_lead_time = Pour une première commande de « { $product } », combien de temps vous faut-il avant l'expédition ? (par exemple : 15 jours, 3 semaines)
invalid_lead_time = Écrivez un délai en jours, semaines ou mois, par exemple : 3 semaines. Ou passez la question.
ask_certifications = Avez-vous des certificats ? Choisissez-les un par un, ou écrivez-les (par exemple : « bio et ONSSA »).
ask_certifications_more = C'est noté :
    { $chosen }
    Un autre certificat ? Sinon, choisissez « Terminé ».
cert_organic = Bio / ECOCERT
cert_fairtrade = Commerce équitable
cert_onssa = ONSSA
cert_iso = ISO
btn_cert_none = Aucun certificat
invalid_certifications = Choisissez un certificat dans la liste ou « Aucun certificat », ou passez la question.
ask_certificate = Certificat { $cert } : qui l'a délivré, son numéro et sa date de fin de validité ? Par exemple : { $example }.
invalid_certificate = Je n'ai trouvé ni numéro ni date. Écrivez par exemple : { $example }. Ou passez la question.
certificate_noted = ✅ { $cert } : délivré par { $body }, n° { $number }, valable jusqu'au { $expires }.
ask_fda = Pour être vendu aux États-Unis, un aliment ou un cosmétique doit venir d'un établissement enregistré auprès de la FDA américaine. Le vôtre l'est-il ?
btn_fda_unknown = Je ne sais pas
ask_export = Avez-vous déjà exporté ?
export_never = Jamais
export_few = Quelques fois
export_regular = Régulièrement
ask_export_countries = Vers quels pays ? (par exemple : France, Espagne, Canada)
ask_packaging = Dernière question : comment vos produits sont-ils emballés pour l'envoi ? (par exemple : bouteilles en verre de 250 ml, 24 par carton)

words_cert_organic = bio, biologique, organique, organic, ecocert, label bio, agriculture biologique
words_cert_fairtrade = commerce équitable, équitable, fair trade, fairtrade, max havelaar, flocert
words_cert_onssa = onssa, agrément onssa, agrément sanitaire
words_cert_iso = iso, iso 9001, iso 22000, iso 22716
words_cert_none = aucun, aucun certificat, pas de certificat, aucune certification
words_fda_unknown = je ne sais pas, sais pas, je sais pas, aucune idée, c'est quoi la fda
words_export_never = jamais, jamais exporté, non jamais, pas encore
words_export_few = quelques fois, parfois, une fois, deux fois, rarement
words_export_regular = régulièrement, souvent, oui régulièrement, tout le temps, chaque année
