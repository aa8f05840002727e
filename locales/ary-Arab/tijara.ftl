### Tijara — الدارجة (بالحروف العربية).
### Chaque phrase du bot est ici. Les clés sont stables (tests et scripts les suivent).
### Les clés words_* listent, séparés par des virgules, les mots qu'un patron peut
### taper à la place d'un bouton ; ils sont acceptés quelle que soit la langue choisie.

## Premier contact

ask_language = السلام ومرحبا بيك ف تجارة! 👋
    أنا هنا باش نعاونك تسجل الشركة ديالك والسلعة ديالك ف المنصة ديال التصدير، باش تبيع لبرا.
    بأشمن لغة بغيتي نكملو؟
ask_consent = قبل ما نبداو: باش نوجدو الصفحة ديالك ف المنصة، غادي نسجلو سمية الشركة ديالك، سميتك، المدينة، نمرة التيليفون، السلعة ديالك والتصاور ديالها.
    هاد المعلومات كنستعملوها غير باش نوجدو الصفحة ديالك؛ ما كيشوفها غير الفريق ديال تجارة (واللي كيتبعك من عندنا ف الميدان، إلا كان)، ومن بعد كتبان ف المنصة ملي يتقبل الملف ديالك.
    تقدر ف أي وقت تطلب تشوفها، تصححها ولا تمسحها (القانون 09-08).
    واش موافق؟
consent_declined = بلا الموافقة ديالك ما نقدر نسجل والو. إلا بدلتي رايك، جاوب ب « إيه ».
restarted = صافي، رجعنا من الأول. المعلومات اللي كنتي دخلتي تمسحو.

## L'entreprise

ask_business_name = شنو سمية الشركة، التعاونية ولا المعمل ديالك؟
ask_owner_name = شنو سميتك الكاملة عافاك؟
ask_city = ف أشمن مدينة كاينة الشركة ديالك؟
city_did_you_mean = ما عرفتش « { $city } ». واش قصدك…؟
ask_region = مازال ما كنعرفش « { $city } ». ف أشمن جهة كاينة؟
ask_sector = شنو هو المجال ديالك؟
ask_ice = شنو هو الـICE ديالك (الرقم الموحد ديال المقاولة، 15 رقم)؟ تقدر تدوز هاد السؤال.
ask_phone = شنو النمرة ديال التيليفون اللي نقدرو نتاصلو بيك فيها؟ (بحال 06 12 34 56 78)
ask_email = الإيميل ديالك؟ (ماشي ضروري)

## Les produits

ask_product_name = { $number ->
    [1] دابا نمشيو للسلعة ديالك. شنو سمية المنتوج اللول؟ (مثلا: زيت أركان ديال التجميل)
   *[other] شنو سمية المنتوج رقم { $number }؟
}
ask_photos = صيفط تصاور ديال « { $product } »: من 1 حتى { $max }، وخاص يكون فيهم الضو مزيان. ملي تسالي، ورك على « صافي ساليت ».
photo_received = وصلاتني التصويرة ({ $count }/{ $max }). صيفط وحدة خرى، ولا « صافي ساليت ».
photos_full = هادي { $max } ديال التصاور، هادا هو الماكسيموم. ورك على « صافي ساليت ».
ask_description = وصف ليا « { $product } » ف شي جمل: من أش مصنوع، منين جاي، وشنو اللي كيخليه مميز.
voice_received = شكرا، الفوكال ديالك على « { $product } » تسجل والفريق ديالنا غادي يسمعو. واش تقدر تكتب حتى سطر صغير كيوصفو؟ ولا ورك على « دوز ».
ask_price = شحال الثمن ديال « { $product } » بالدرهم، وواش للكيلو، للحبة ولا لشي حاجة خرى؟ (مثلا: 150 درهم الكيلو)
ask_price_unit = هاد الثمن ديال أشمن وحدة؟
confirm_price_conversion = { $said } { $currency }، يعني { $price }. واش هاكا؟
ask_moq = شحال أقل كمية ف الطلبية؟ (مثلا: 50 كيلو)
ask_more_products = عندك { $count ->
    [one] منتوج واحد
    [two] جوج منتوجات
    [few] { $count } ديال المنتوجات
    [many] { $count } منتوج
   *[other] { $count } ديال المنتوجات
}. بغيتي تزيد شي واحد خور؟

## Récapitulatif

review_summary = ها الملف ديالك. شوفو مزيان:
    🏢 { $business_name }
    👤 { $owner_name }
    📍 { $city } ({ $region })
    🏷️ { $sector }
    ICE: { $ice }
    📞 { $phone }
    ✉️ { $email }
    { $products }
    كلشي مزيان؟ صيفطو، ولا صلح اللي خاص.
review_product = 📦 { $number }. { $name } — التصاور: { $photos }
    { $description }
    الثمن: { $price } · أقل كمية: { $moq }
ask_edit_field = شنو بغيتي تبدل؟
submitted = شكرا! الملف ديال « { $business_name } » تصيفط. الفريق ديالنا غادي يراجعو ويجاوبك هنا.
already_submitted = الملف ديال « { $business_name } » كيتراجع دابا. غادي نكتبو ليك هنا ملي يكون شي جديد.

## Valeurs

value_missing = —
value_none = (ما كاينش)
amount_value = { $amount } درهم / { $unit }
price_range = { $low } حتى { $high } درهم / { $unit }
amount_only = { $amount } درهم
price_range_only = من { $low } ل { $high } درهم
quantity_value = { $amount } { $unit }
quantity_only = { $amount }
# A minimum order's unit after its quantity ($count: plural where the language has one).
units_piece = حبة
units_kg = كيلو
units_g = غرام
units_ton = طن
units_l = لتر
units_ml = ميليلتر
units_m = متر
units_m2 = متر مربع
units_box = علبة
units_carton = كرطونة
units_bottle = قرعة
units_set = مجموعة
units_dozen = دزينة
units_pair = زوج
label_plain = { $text }
currency_ryal = ريال
currency_franc = سنتيم
currency_MAD = درهم

## Aide et navigation

help = راك ف « { $section } ». جاوب على السؤال اللي لتحت. وتقدر تكتب حتى: « رجع »، « دوز » (للأسئلة اللي ماشي ضرورية)، « فين وصلت »، « اللغة »، « عاود من الأول ».
where_am_i = راك ف « { $section } »: المرحلة { $done } من { $total }.
welcome_back = مرحبا بيك من جديد! كنتي ف « { $section } » ({ $done }/{ $total }). يالاه نكملو:
confirm_restart = بغيتي تعاود من الأول؟ كلشي اللي كتبتي غادي يتمسح.
offer_language_switch = بغيتي نكملو ب{ $language }؟
section_start = البداية
section_business = الشركة ديالك
section_product = السلعة ديالك
section_review = المراجعة
section_done = الملف تصيفط

## Réponses à corriger

invalid_choice = ختار وحدة من الأجوبة اللي عندك (ولا كتب الرقم ديالها).
invalid_empty = ما وصلني والو. كتب الجواب ديالك عافاك.
invalid_too_long = هادشي طويل بزاف: ماشي كثر من { $max } حرف عافاك.
invalid_no_letters = كتب الجواب بالحروف عافاك.
invalid_ice = الـICE فيه غير الأرقام: 15 رقم.
invalid_ice_length = الـICE فيه 15 رقم؛ أنا حسبت { $count }. شوفو مزيان، ولا دوز هاد السؤال.
invalid_email = هاد الإيميل ما باينش صحيح (بحال: smiya@gmail.com). ولا دوز هاد السؤال.
invalid_phone = ما عرفتش هاد النمرة. كتبها بحال 06 12 34 56 78 ولا +212 6 12 34 56 78.
invalid_price = ما لقيتش الثمن. كتب شحال بالدرهم ومعاه الوحدة، بحال: 150 درهم الكيلو.
invalid_moq = كتب الكمية بالرقم، بحال: 100 حبة ولا 50 كيلو.
expected_photo = كنتسنى تصويرة ديال المنتوج. صيفطها، ولا ورك على « صافي ساليت ».
expected_text = هنا كنتسنى جواب مكتوب.
    { $question }
photo_not_image = هاد الفيشي ماشي تصويرة نقدر نقراها. صيفط تصويرة JPEG ولا PNG ولا WebP.
photo_advice = وصلات التصويرة، ولكن تقدر تكون حسن:
    { $tips }
    تقدر تبدلها، ولا تخليها كيف هي.
advice_dark = • مظلمة: صورها حدا شي شرجم ولا ف الضو ديال النهار
advice_bright = • فيها الضو بزاف: بعد من الشمس نيشان ولا الفلاش
advice_blurry = • ما واضحاش: شد التيليفون مزيان، وورك على السلعة ف الشاشة باش تولي واضحة
advice_too_small = • صغيرة: قرب من السلعة
advice_duplicate = • كتشبه بزاف لتصويرة صيفطتيها قبل: ورينا جهة أخرى
advice_send_as_file = • نصيحة: صيفطها «كفيشي» باش تيليغرام ما يصغرهاش
photo_send_another = واخا، صيفط التصويرة الجديدة.
photo_too_large = هاد التصويرة تقيلة بزاف (20 ميغا هي الماكس). صيفط وحدة خفيفة.
photo_too_many_pixels = هاد التصويرة فيها بيكسلات بزاف عليا. صيفط تصويرة عادية، من التيليفون ديالك.
photo_unavailable = ما قدرتش نجيب هاد التصويرة. عاود صيفطها عافاك.
photo_too_many = الماكسيموم هو { $max } تصاور لكل منتوج؛ هادي ما تزادتش.
photos_need_one = خاص على الأقل تصويرة وحدة ديال المنتوج. صيفط وحدة.
stale_button = هاد البوطون ديال سؤال فات. ها السؤال ديال دابا:
cannot_skip = هاد السؤال ضروري، ما يمكنش تدوزو.
cannot_go_back = ما يمكنش نرجعو كثر من هنا.
cannot_restart_submitted = الملف تصيفط ديجا؛ ما بقاش يمكن تمسحو من هنا.

## Boutons

lang_ary = الدارجة
lang_fr = Français
lang_ar = العربية
btn_yes = إيه
btn_no = لا
btn_done = صافي ساليت
btn_skip = دوز
btn_back = رجع
btn_submit = صيفط الملف
btn_add_product = زيد منتوج
btn_edit_business = بدل معلومات الشركة
btn_edit_product = تصحيح المنتوج { $number }
btn_more = اختيارات خرين…
btn_none_of_these = ماشي حتى وحدة
btn_keep = خليه
btn_replace = بدلو
field_business_name = سمية الشركة
field_owner_name = سميتك
field_city = المدينة
field_sector = المجال
field_ice = ICE
field_phone = التيليفون
field_email = الإيميل
field_product_name = سمية المنتوج
field_photos = التصاور
field_description = الوصف
field_price = الثمن
field_moq = أقل كمية
sector_argan = أركان
sector_olive_oil = زيت الزيتون
sector_food = الماكلة
sector_cosmetics = التجميل
sector_carpets = الزرابي
sector_textiles = الثوب والخياطة
sector_leather = الجلد
sector_zellige = الزليج
sector_pottery = الفخار
sector_wood_metal = الخشب والحديد
sector_other = حاجة خرى
unit_piece = حبة
unit_kg = كيلو
unit_g = غرام
unit_ton = طن
unit_l = لتر
unit_ml = ميليلتر
unit_m = متر
unit_m2 = متر مربع
unit_box = علبة
unit_carton = كرطونة
unit_bottle = قرعة
unit_set = مجموعة
unit_dozen = دزينة
unit_pair = زوج

## Mots acceptés à la place des boutons

words_yes = واخا, وخا, واخة, اه, آه, أه, ايه, إيه, اييه, واه, صافي, صافي واخا, مزيان, موافق, موافقة, انا موافق, انا موافقة, متافق, متافقة, اوكي, أوكي, نعم, اكيد, أكيد, ماشي مشكل, ما كاين مشكل, بلا مشكل, يالاه, اه واخا, صحيح, هو هاداك
words_no = لا, لالا, لا لا, لاا, لااا, والو, لا ما بغيتش, ما بغيتش, مابغيتش, ماشي دابا, لا ماشي دابا, لا شكرا, لا صافي
words_done = صافي, صافي ساليت, ساليت, ساليت صافي, سالينا, كملت, صافي كملت, خلاص, صافي هادشي, هادشي اللي كاين, هادشي لي كاين, هادي هي
words_submit = صيفط, صيفطو, صيفطها, صيفط الملف, سيفط, سيفطو, صيفت, رسل, رسلو, ارسل, صادق, صيفط الدوسي
words_help = عاوني, عاونني, عاونوني, مساعدة, المساعدة, ما فهمتش, مافهمتش, ما فهمت والو, شنو ندير, اش ندير, أشنو ندير, شنو خاصني ندير, كيفاش, كيفاش ندير, عاود عافاك
words_back = رجع, رجوع, الرجوع, رجع اللور, رجع لور, اللور, لور, السابق, نرجع, نرجعو, رجعني
words_skip = دوز, دوزها, دوزو, دوز هاد السؤال, فوت, فوتها, ماعنديش, ما عنديش, ماعندناش, ما عندناش, ما كاينش, ماكاينش, والو, ما عنديش ICE, ماعنديش ICE, ما عنديش الإيميل, ما عنديش ايميل, ماعنديش ايميل, ماعنديش الإيميل, ماعنديش الايميل, ما عنديش الايميل, ماعنديش لايميل
words_restart = عاود من الأول, عاود من اللول, عاود من لول, عاود من جديد, نعاود من الأول, نعاودو من الأول, نبدا من جديد, نبداو من جديد, بدا من جديد, مسح كلشي, عاود كلشي
words_where = فين وصلت, فين انا, فين أنا, فين وصلنا, فين حنا, فاش وصلت, فين وصلت انا, شحال باقي, شحال بقا, واش باقي بزاف
words_language = اللغة, لغة, بدل اللغة, بدل لغة, نبدل اللغة, بغيت نبدل اللغة, تبديل اللغة
words_greeting = السلام عليكم, سلام, السلام, سلام عليكم, سلامو عليكم, السلام عليكم ورحمة الله, صباح الخير, صباحو, مساء الخير, مسا الخير, سلام لاباس, السلام لاباس, أهلا, اهلا, سلام خويا, سلام ختي

## Web chat

ui_title = تجارة — التسجيل
ui_placeholder = كتب الرسالة ديالك…
ui_send = صيفط
ui_photo = تصويرة
ui_restart = محادثة جديدة
ui_error = الرسالة ما مشاتش. شوف الأنترنيت وعاود جرب.
ui_noscript = هاد الصفحة خاصها JavaScript.

## شنو لاحظات القناة

notice_edited = شفت بلي بدلتي شي ميساج. ما نقدرش ناخد التبديل: صيفط الجواب الصحيح ف ميساج جديد.
notice_file_too_large = هاد الفيشي كبير بزاف (20 ميغا هي الماكس). صيفط تصويرة خفيفة.
notice_contact_not_yours = هاد الكونطاكت ماشي ديالك. بارطاجي النمرة ديالك نتا، ولا كتبها.
notice_unsupported = ما كنعرفش نقرا هاد النوع ديال الميساجات. جاوب بالكتابة ولا بتصويرة.
notice_agent_linked = صافي: هاد الشات تربط بالحساب ديالك ديال الوكيل. الشركات اللي كيبداو بالليان ديالك كيتحسبو ليك.
notice_referral_invalid = هاد الليان ما بقاش صالح؛ ماشي مشكل، نقدرو نبداو عادي.

## من بعد الإرسال: القرارات والتذكير

decision_changes_requested = الفريق ديالنا شاف الملف ديالك. كاينين شي حوايج خاصهم يتصلحو:
    { $items }
    { $note }
    يالاه نصلحوهم وحدة بوحدة.
fix_item = • { $field }: { $reason }
fix_product_field = المنتوج { $number }، { $field }
decision_approved = خبار زوينة: الملف ديال « { $business_name } » تقبل! غادي نوجدو الصفحة ديالك ونصيفطو ليك الليان ملي تطلع.
decision_rejected = سمح لينا: الملف ديالك ما تقبلش دابا.
    { $note }
decision_live = الصفحة ديالك طلعات! ها هي: { $url }
reminder = السلام! التسجيل ديال « { $business_name } » باقي ما كملش. نكملو من فين وقفتي؟
reason_photo_dark = التصويرة مظلمة بزاف؛ عاودها ف الضو ديال النهار
reason_photo_blurry = التصويرة مضببة؛ شد التيليفون مزيان بلا ما تحركو
reason_photo_small = التصويرة صغيرة بزاف؛ قرب من السلعة
reason_photo_missing = خاصنا تصويرة ديال المنتوج
reason_price_unit = الثمن ما فيهش الوحدة (كيلو، لتر، حبة…)
reason_price_unclear = الثمن ماشي واضح
reason_moq_unclear = أقل كمية ماشي واضحة
reason_ice_invalid = الـICE ماشي صحيح
reason_description_short = الوصف قصير بزاف
reason_name_unclear = السمية ماشي واضحة
reason_city_unclear = المدينة ماشي واضحة
reason_other = خاصو يتراجع

## المرافقة ديال الوكيل

assist_ask_language = مول المشروع بأشمن لغة كيهضر؟ غادي يوصلو الملف ديالو بيها.
assist_sent = تصيفط لمول المشروع ({ $phone }) ✅ غادي يوصلو الملف كامل، وخاصو يأكدو باش يمشي للفريق ديال تجارة؛ غادي نعلمك هنا ملي يدير.
    إلا ما وصلاتوش الرسالة، قولو يكتب «السلام» لتجارة فالواتساب: غادي توصلو من بعد نيشان.
    كتب «المنيو» باش ترجع للمنيو ديالك.
assist_waiting_owner = هاد الملف كيتسنى الجواب ديال مول المشروع على { $phone }. تقدر تعاود تصيفطو ليه ولا تصلح شي حاجة.
owner_confirm = السلام! واحد الوكيل ديال تجارة وجد معاك الواجهة ديال «{ $business_name }»:
    👤 { $owner_name }
    📍 { $city } ({ $region })
    🏷️ { $sector }
    ICE: { $ice }
    📞 { $phone }
    ✉️ { $email }
    { $products }
    باش نديرو الواجهة ديالك، تجارة كتحفظ هاد المعلومات؛ ما كيشوفها غير الفريق ديال تجارة والوكيل ديالك، ومن بعد السوق إلا تقبل الملف. تقدر تشوفها ولا تصلحها ولا تمسحها فأي وقت (القانون 09-08).
    كلشي صحيح، ومتافق نصيفطوه؟
owner_confirm_declined = واخا، ما تصيفط والو. إلا بدلتي رايك، جاوب «إيه».
btn_confirm_send = إيه، صيفط
btn_change = نصلح شي حاجة
btn_resend = عاود صيفط

## المنيو ديال الوكيل

agent_menu = المنيو ديال الوكيل: شنو بغيتي دير؟
btn_agent_new = مول مشروع جديد
btn_agent_list = المشاريع ديالي
btn_agent_link = الليان والـQR ديالي
btn_agent_menu = المنيو
agent_ask_phone = عطيني نمرة الواتساب ديال مول المشروع (بحال 06 12 34 56 78). فهاد التيليفون غادي يأكد.
agent_phone_invalid = ما قدرتش نقرا هاد النمرة. كتب البورطابل ديال مول المشروع، بحال 06 12 34 56 78.
agent_phone_landline = هادي نمرة فيكس: مول المشروع كيأكد فالواتساب، خاصني البورطابل ديالو (06… ولا 07…).
agent_phone_own = هادي النمرة ديالك نتا. كتب النمرة ديال مول المشروع.
agent_phone_taken = النمرة { $phone } عندها ديجا محادثة فتجارة ماشي ديالك. قول لمول المشروع يكمل من التيليفون ديالو، ولا يسكاني الـQR ديالك.
agent_list = المشاريع ديالك:
    { $lines }{ $more ->
        [0] {""}
       *[other] {"\u000A"}… و{ $more } خرين فالصفحات ديال الويب.
    }
    صيفط رقم باش تحل واحد.
agent_list_line = { $number }. { $name } — { $status }
agent_list_empty = مازال ما عندك حتى مشروع. بدا ب«مول مشروع جديد»، ولا بارطاجي الليان ديالك.
agent_status_draft = باقي كيتعمر
agent_status_waiting_owner = كيتسنى الموافقة ديال مولاه
agent_status_submitted = فالمراجعة
agent_status_changes_requested = طلبو تصليحات
agent_status_approved = تقبل
agent_status_exported = تقبل
agent_status_rejected = ما تقبلش
agent_status_live = طالع فالسوق
agent_status_handoff_failed = تقبل، الواجهة حابسة
agent_opened_new = مول مشروع جديد: { $phone }. جاوب على الأسئلة فبلاصتو؛ كتب «المنيو» فأي وقت باش ترجع للمنيو ديالك.
agent_opened = تحل: { $name }. كتب «المنيو» باش ترجع للمنيو ديالك.
agent_referral = الليان ديالك: { $link }
    اللي كيبداو بهاد الليان كيتحسبو ليك.{ $also_web ->
        [0] {""}
       *[other] {" "}فالويب: { $web }
    }
    الـQR باش تورّيه فالستاند ديالك راه معاها.
words_menu = المنيو, منيو, القائمة, menu, /menu
agent_owner_confirmed = ✅ مول المشروع وافق: «{ $name }» مشا للمراجعة.
owner_confirm_short = السلام! الوكيل ديال تجارة وجد الملف ديالك: راه فالرسالة اللي فوق نيشان. كلشي صحيح، ومتافق نصيفطوه؟
place_name = { $ar }
greeting_hello = السلام 👋
owner_agent_busy = الوكيل ديال تجارة كيعمر الملف ديالك معاك دابا. غير يسالي، غادي يوصلك هنا الملف كامل باش تشوفو.
owner_joined = السلام! واحد الوكيل ديال تجارة بدا معاك الملف ديالك. يالاه نكملو:
assist_owner_busy = مول المشروع كيجاوب بوحدو دابا: نخليو ليه هاد الملف دابا. عاود جرب من بعد 20 دقيقة إلا بغيتي.
assist_submitted = «{ $business_name }» تصيفط: تقدر تتبع الحالة ديالو ف«المشاريع ديالي». كتب «المنيو» باش ترجع للمنيو ديالك.
agent_owner_declined = مول «{ $name }» ما بغاش يصيفطو دابا. ما مشا والو للمراجعة.
agent_ask_language = بأشمن لغة بغيتي المنيو ديالك؟
agent_help = المنيو ديال الوكيل:
    • «مول مشروع جديد»: كتعمر الملف معاه، وهو كيأكدو فالواتساب ديالو.
    • «المشاريع ديالي»: الحالة ديالهم؛ صيفط رقم باش تعاود تحل واحد.
    • «الليان والـQR ديالي»: باش يتحسبو ليك اللي كيتسجلو بوحدهم.
    كتب «المنيو» فأي وقت باش ترجع لهنا.

## Ce que les gens écrivent pour un choix

words_lang_ary = الدارجة, بالدارجة, دارجة, بالداريجة, الداريجة, المغربية, بالمغربية
words_lang_fr = الفرنسية, بالفرنسية, فرونسي, بالفرونسي, الفرانساوية, بالفرانساوية
words_lang_ar = العربية, بالعربية, العربية الفصحى, الفصحى, بالفصحى
words_sector_argan = زيت أركان, زيت الأركان, زيت اركان, اركان, الأركان
words_sector_olive_oil = الزيتون, زيتون, زيت العود, زيت بلدي, زيت البلدي
words_sector_food = ماكلة, العسل, عسل, التمر, تمر
words_sector_cosmetics = تجميل, صابون, الصابون البلدي, الحنة
words_sector_carpets = زرابي, زربية, الزربية
words_sector_textiles = الخياطة, خياطة, الثوب, ثوب, القفطان, الجلابة, الطرز
words_sector_leather = جلد, البلغة, بلغة
words_sector_zellige = زليج, الزليج البلدي
words_sector_pottery = فخار, الطاجين, طاجين
words_sector_wood_metal = خشب, الخشب, الحديد, حديد, النحاس, نحاس
words_agent_new = جديد, واحد جديد, مشروع جديد, مول مشروع جديد
words_agent_list = المشاريع, مشاريع, الليستة, ليستة
words_agent_link = الليان, ليان, الرابط, QR
btn_photos_clear = نبدل كاع التصاور
photos_cleared = صافي: حيدنا التصاور اللي كانو. صيفط الجداد.
status_approved = الملف ديال «{ $business_name }» تقبل ✅ كنوجدو الصفحة ديالك وغادي نصيفطو ليك الليان ديالها هنا ملي تطلع.
status_rejected = الملف ديال «{ $business_name }» ما تقبلش دابا.
    السبب: { $note }
status_live = الصفحة ديال «{ $business_name }» طالعة: { $url }
city_not_a_place = «{ $typed }» ماشي سمية ديال مدينة. فأشمن مدينة ولا دوار كاينة الشركة ديالك؟
assist_help = نتا كتجاوب فبلاصة مول المشروع؛ كتب «المنيو» باش ترجع للمنيو ديال الوكيل.
