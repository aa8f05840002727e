## Which product it is, when the words leave a doubt (flows/producttype.py); photos of the
## certificates and of the packaging, and the buyers' answers in the summary (flows/buyerq.py).

ask_product_type = ليجد المشترون "{ $product }": أيّ هذه المنتجات هو؟
btn_type_none = لا شيء مما سبق
ask_doc_photo = 📷 إن كانت لديكم، أرسلوا صورة { $doc }: كثيرًا ما يطلبها المشترون. وإلا فاختاروا "تخطي".
doc_certificate = شهادة { $cert }
doc_packaging = التغليف
doc_photo_received = ✅ تم حفظ صورة { $doc }.
expected_doc_photo = ننتظر هنا صورة { $doc }. إن لم تكن لديكم، اختاروا "تخطي".
readiness_next_certificate_photo = صورة الشهادات
readiness_next_packaging_photo = صورة التغليف

review_buyer_title = 🤝 للمشترين:
review_buyer_product = • المنتج { $number }: { $capacity }، مدة التجهيز { $lead }
buyer_capacity = { $quantity } في { $per }
buyer_per_day = اليوم
buyer_per_week = الأسبوع
buyer_per_month = الشهر
buyer_per_year = السنة
buyer_lead_day = { $count ->
        [one] يوم واحد
        [two] يومان
        [few] { $count } أيام
        [many] { $count } يومًا
       *[other] { $count } يوم
    }
buyer_lead_week = { $count ->
        [one] أسبوع واحد
        [two] أسبوعان
        [few] { $count } أسابيع
        [many] { $count } أسبوعًا
       *[other] { $count } أسبوع
    }
buyer_lead_month = { $count ->
        [one] شهر واحد
        [two] شهران
        [few] { $count } أشهر
        [many] { $count } شهرًا
       *[other] { $count } شهر
    }
review_buyer_no_certificate = • الشهادات: لا توجد
review_buyer_certificate = • 🏅 شهادة { $cert }: صادرة عن { $body }، رقم { $number }، صالحة حتى { $expires }{ $photo }
review_buyer_certificate_only = • 🏅 شهادة { $cert }{ $photo }
review_buyer_fda = • التسجيل لدى FDA: { $answer }
review_buyer_export = • التصدير: { $export }
review_buyer_export_to = • التصدير: { $export } ({ $countries })
review_buyer_packaging = • التغليف: { $packaging }{ $photo }
buyer_list_more = { $first }، { $rest }
