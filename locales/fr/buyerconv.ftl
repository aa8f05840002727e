## Which product it is, when the words leave a doubt (flows/producttype.py); photos of the
## certificates and of the packaging, and the buyers' answers in the summary (flows/buyerq.py).

ask_product_type = Pour que les acheteurs trouvent « { $product } » : lequel de ces produits est-ce ?
btn_type_none = Aucun de ceux-là
ask_doc_photo = 📷 Si vous l'avez sous la main, envoyez une photo de { $doc } : les acheteurs la demandent souvent. Sinon, « Passer ».
doc_certificate = votre certificat { $cert }
doc_packaging = votre emballage
doc_photo_received = ✅ Photo de { $doc } gardée.
expected_doc_photo = Ici, j'attends une photo de { $doc }. Si vous n'en avez pas, choisissez « Passer ».
readiness_next_certificate_photo = une photo de vos certificats
readiness_next_packaging_photo = une photo de votre emballage

review_buyer_title = 🤝 Pour les acheteurs :
review_buyer_product = • Produit { $number } : { $capacity }, délai { $lead }
buyer_capacity = { $quantity } par { $per }
buyer_per_day = jour
buyer_per_week = semaine
buyer_per_month = mois
buyer_per_year = an
buyer_lead_day = { $count ->
        [one] { $count } jour
       *[other] { $count } jours
    }
buyer_lead_week = { $count ->
        [one] { $count } semaine
       *[other] { $count } semaines
    }
buyer_lead_month = { $count } mois
review_buyer_no_certificate = • Certificats : aucun
review_buyer_certificate = • 🏅 { $cert } : { $body }, n° { $number }, valable jusqu'au { $expires }{ $photo }
review_buyer_certificate_only = • 🏅 Certificat { $cert }{ $photo }
review_buyer_fda = • Enregistré auprès de la FDA : { $answer }
review_buyer_export = • Export : { $export }
review_buyer_export_to = • Export : { $export } ({ $countries })
review_buyer_packaging = • Emballage : { $packaging }{ $photo }
buyer_list_more = { $first }, { $rest }
