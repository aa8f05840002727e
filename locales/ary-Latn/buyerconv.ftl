## Which product it is, when the words leave a doubt (flows/producttype.py); photos of the
## certificates and of the packaging, and the buyers' answers in the summary (flows/buyerq.py).

ask_product_type = Bach l clients yl9aw "{ $product }": ach mn wa7ed fihom hada?
btn_type_none = 7ta wa7ed fihom
ask_doc_photo = 📷 Ila kant 3ndkom, sifto tswira dyal { $doc }: l clients kaytlboha bzaf. Wla "Ndouz".
doc_certificate = chahada { $cert }
doc_packaging = tghlif (l emballage)
doc_photo_received = ✅ Tswira dyal { $doc } tsjlat.
expected_doc_photo = Hna kantsna tswira dyal { $doc }. Ila ma 3ndkomch, wrko 3la "Ndouz".
readiness_next_certificate_photo = tswira dyal chahadat
readiness_next_packaging_photo = tswira dyal tghlif

review_buyer_title = 🤝 L clients:
review_buyer_product = • Mantoj { $number }: { $capacity }, lmodda { $lead }
buyer_capacity = { $quantity } f { $per }
buyer_per_day = nhar
buyer_per_week = simana
buyer_per_month = chhar
buyer_per_year = l3am
buyer_lead_day = { $count ->
        [one] nhar wa7ed
        [two] jouj iyam
        [few] { $count } iyam
       *[other] { $count } nhar
    }
buyer_lead_week = { $count ->
        [one] simana
        [two] jouj simanat
       *[other] { $count } simanat
    }
buyer_lead_month = { $count ->
        [one] chhar
        [two] jouj chhor
        [few] { $count } chhor
       *[other] { $count } chhar
    }
review_buyer_no_certificate = • Chahadat: walou
review_buyer_certificate = • 🏅 { $cert }: mn 3nd { $body }, ra9m { $number }, saliha 7ta { $expires }{ $photo }
review_buyer_certificate_only = • 🏅 Chahada { $cert }{ $photo }
review_buyer_fda = • Msjla 3nd l FDA: { $answer }
review_buyer_export = • Tasdir: { $export }
review_buyer_export_to = • Tasdir: { $export } ({ $countries })
review_buyer_packaging = • Tghlif: { $packaging }{ $photo }
buyer_list_more = { $first }, { $rest }
