## Which product it is, when the words leave a doubt (flows/producttype.py); photos of the
## certificates and of the packaging, and the buyers' answers in the summary (flows/buyerq.py).

ask_product_type = باش يلقاو الكليان "{ $product }": شمن واحد فهادو هو؟
btn_type_none = حتى واحد فيهم
ask_doc_photo = 📷 إلا كانت عندكم، صيفطو تصويرة ديال { $doc }: الكليان كيطلبوها بزاف. ولا "ندوز".
doc_certificate = شهادة { $cert }
doc_packaging = التغليف
doc_photo_received = ✅ التصويرة ديال { $doc } تسجلات.
expected_doc_photo = هنا كنتسنى تصويرة ديال { $doc }. إلا ما عندكمش، وركو على "ندوز".
readiness_next_certificate_photo = تصويرة ديال الشهادات
readiness_next_packaging_photo = تصويرة ديال التغليف

review_buyer_title = 🤝 للكليان:
review_buyer_product = • المنتوج { $number }: { $capacity }، المدة { $lead }
buyer_capacity = { $quantity } ف { $per }
buyer_per_day = النهار
buyer_per_week = السيمانة
buyer_per_month = الشهر
buyer_per_year = العام
buyer_lead_day = { $count ->
        [one] نهار واحد
        [two] جوج أيام
        [few] { $count } أيام
       *[other] { $count } نهار
    }
buyer_lead_week = { $count ->
        [one] سيمانة
        [two] جوج سيمانات
       *[other] { $count } سيمانات
    }
buyer_lead_month = { $count ->
        [one] شهر
        [two] جوج شهور
        [few] { $count } شهور
       *[other] { $count } شهر
    }
review_buyer_no_certificate = • الشهادات: والو
review_buyer_certificate = • 🏅 شهادة { $cert }: من عند { $body }، رقم { $number }، صالحة حتى { $expires }{ $photo }
review_buyer_certificate_only = • 🏅 شهادة { $cert }{ $photo }
review_buyer_fda = • مسجلة عند الـFDA: { $answer }
review_buyer_export = • التصدير: { $export }
review_buyer_export_to = • التصدير: { $export } ({ $countries })
review_buyer_packaging = • التغليف: { $packaging }{ $photo }
buyer_list_more = { $first }، { $rest }
