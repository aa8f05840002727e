### Tijara — العربية الفصحى.
### Chaque phrase du bot est ici. Les clés sont stables (tests et scripts les suivent).
### Les clés words_* listent, séparés par des virgules, les mots qu'un patron peut
### taper à la place d'un bouton ; ils sont acceptés quelle que soit la langue choisie.

## Premier contact

ask_language = مرحبًا بك في تجارة! 👋
    أساعدك على تسجيل شركتك ومنتجاتك في منصة التصدير.
    بأي لغة تريد المتابعة؟
ask_consent = قبل أن نبدأ: لإنشاء صفحتك على المنصة، نسجّل اسم شركتك، واسمك، ومدينتك، ورقم هاتفك، ومنتجاتك وصورها.
    نستعمل هذه البيانات فقط لإعداد صفحتك؛ ولا يطّلع عليها إلا فريق تجارة (والمرافق الميداني الذي يتابعك، إن وُجد)، ثم تظهر على المنصة بعد قبول ملفك.
    يمكنك في أي وقت أن تطلب الاطلاع عليها أو تصحيحها أو حذفها (القانون 09-08).
    هل توافق؟
consent_declined = دون موافقتك لا يمكنني حفظ أي شيء. إذا غيّرت رأيك، أجب بـ« نعم ».
restarted = بدأنا من جديد. حُذفت مسودتك السابقة.

## L'entreprise

ask_business_name = ما اسم شركتك أو تعاونيتك أو ورشتك؟
ask_owner_name = ما اسمك الكامل، من فضلك؟
ask_city = في أي مدينة توجد شركتك؟
city_did_you_mean = لم أتعرّف على « { $city } ». هل تقصد…؟
ask_region = لا أعرف « { $city } » بعد. في أي جهة تقع؟
ask_sector = ما هو قطاع نشاطك؟
ask_ice = ما هو رقم ICE الخاص بك (المعرّف الموحد للمقاولة، 15 رقمًا)؟ يمكنك تخطي هذا السؤال.
ask_phone = ما رقم الهاتف الذي يمكننا التواصل معك عليه؟ (مثلًا 06 12 34 56 78)
ask_email = بريدك الإلكتروني؟ (اختياري)

## Les produits

ask_product_name = { $number ->
    [1] لننتقل إلى منتجاتك. ما اسم منتجك الأول؟ (مثلًا: زيت أركان تجميلي)
   *[other] ما اسم المنتج رقم { $number }؟
}
ask_photos = أرسل صورًا لـ« { $product } »: من 1 إلى { $max }، بإضاءة جيدة. اضغط « انتهيت » عند الانتهاء.
photo_received = وصلت الصورة ({ $count }/{ $max }). أرسل صورة أخرى، أو اضغط « انتهيت ».
photos_full = هذه { $max } صور، وهو الحد الأقصى. اضغط « انتهيت ».
ask_description = صف « { $product } » في بضع جمل: المادة، والمصدر، وما الذي يميّزه.
voice_received = شكرًا، سُجّلت رسالتك الصوتية عن « { $product } » وسيستمع إليها فريقنا. هل يمكنك أيضًا كتابة سطر قصير يصفه؟ أو اضغط « تخطي ».
ask_price = ما سعر « { $product } » بالدرهم، ولأي وحدة؟ (مثلًا: 150 درهمًا للكيلوغرام)
ask_price_unit = هذا السعر لأي وحدة؟
confirm_price_conversion = { $said } { $currency }، أي { $price }. هل هذا صحيح؟
ask_moq = ما أقل كمية للطلب الواحد؟ (مثلًا: 50 كيلوغرامًا)
ask_more_products = لديك { $count ->
    [one] منتج واحد
    [two] منتجان
    [few] { $count } منتجات
    [many] { $count } منتجًا
   *[other] { $count } منتج
}. هل تريد إضافة منتج آخر؟

## Récapitulatif

review_summary = هذا ملفك. تحقّق منه جيدًا:
    🏢 { $business_name }
    👤 { $owner_name }
    📍 { $city } ({ $region })
    🏷️ { $sector }
    ICE: { $ice }
    📞 { $phone }
    ✉️ { $email }
    { $products }
    هل كل شيء صحيح؟ أرسله، أو صحّح ما يلزم.
review_product = 📦 { $number }. { $name } — الصور: { $photos }
    { $description }
    السعر: { $price } · الحد الأدنى: { $moq }
ask_edit_field = ماذا تريد أن تصحّح؟
submitted = شكرًا! أُرسل ملف « { $business_name } ». سيراجعه فريقنا ويردّ عليك هنا.
already_submitted = ملف « { $business_name } » قيد المراجعة. سنكتب لك هنا فور وجود أي جديد.

## Valeurs

value_missing = —
value_none = (غير مذكور)
amount_value = { $amount } درهم / { $unit }
price_range = من { $low } إلى { $high } درهم / { $unit }
amount_only = { $amount } درهم
price_range_only = من { $low } إلى { $high } درهم
quantity_value = { $amount } { $unit }
quantity_only = { $amount }
# A minimum order's unit after its quantity ($count: plural where the language has one).
units_piece = قطعة
units_kg = كيلوغرام
units_g = غرام
units_ton = طن
units_l = لتر
units_ml = مليلتر
units_m = متر
units_m2 = متر مربع
units_box = علبة
units_carton = كرتونة
units_bottle = قنينة
units_set = مجموعة
units_dozen = دزينة
units_pair = زوج
label_plain = { $text }
currency_ryal = ريال
currency_franc = سنتيم
currency_MAD = درهم

## Aide et navigation

help = أنت في قسم « { $section } ». أجب عن السؤال أدناه. يمكنك أيضًا كتابة: « رجوع »، « تخطي » (للأسئلة الاختيارية)، « أين أنا »، « اللغة »، « ابدأ من جديد ».
where_am_i = أنت في قسم « { $section } »: الخطوة { $done } من { $total }.
welcome_back = مرحبًا بعودتك! كنت في قسم « { $section } » ({ $done }/{ $total }). لنتابع:
confirm_restart = هل تريد البدء من جديد؟ سيُحذف كل ما أدخلته.
offer_language_switch = هل تفضّل المتابعة بـ{ $language }؟
section_start = البداية
section_business = شركتك
section_product = منتجاتك
section_review = المراجعة
section_done = تم إرسال الملف

## Réponses à corriger

invalid_choice = اختر أحد الأجوبة المقترحة (يمكنك أيضًا كتابة رقمه).
invalid_empty = لم يصلني شيء. اكتب جوابك من فضلك.
invalid_too_long = النص طويل جدًا: { $max } حرف كحد أقصى، من فضلك.
invalid_no_letters = اكتب الجواب بالحروف، من فضلك.
invalid_ice = رقم ICE يتكوّن من أرقام فقط: 15 رقمًا.
invalid_ice_length = رقم ICE يتكوّن من 15 رقمًا، وقد عددت { $count }. تحقّق منه، أو تخطَّ هذا السؤال.
invalid_email = يبدو أن هذا البريد الإلكتروني غير صحيح (مثال: name@gmail.com). أو تخطَّ هذا السؤال.
invalid_phone = لم أتعرّف على هذا الرقم. اكتبه هكذا: 06 12 34 56 78 أو +212 6 12 34 56 78.
invalid_price = لم أجد سعرًا. اكتب المبلغ بالدرهم مع الوحدة، مثلًا: 150 درهمًا للكيلوغرام.
invalid_moq = اكتب الكمية برقم، مثلًا: 100 قطعة أو 50 كيلوغرامًا.
expected_photo = أنتظر صورة للمنتج. أرسلها، أو اضغط « انتهيت ».
expected_text = أنتظر هنا جوابًا مكتوبًا.
    { $question }
photo_not_image = هذا الملف ليس صورة يمكنني قراءتها. أرسل صورة بصيغة JPEG أو PNG أو WebP.
photo_advice = وصلت الصورة، لكن يمكن أن تكون أفضل:
    { $tips }
    يمكنك استبدالها أو الاحتفاظ بها كما هي.
advice_dark = • الصورة مظلمة: التقطها قرب نافذة أو في ضوء النهار
advice_bright = • الصورة فاتحة جدًا: تجنّب الشمس المباشرة أو الفلاش
advice_blurry = • الصورة غير واضحة: ثبّت الهاتف، والمس المنتج على الشاشة لضبط التركيز
advice_too_small = • الصورة صغيرة: اقترب من المنتج
advice_duplicate = • تشبه كثيرًا صورة أرسلتها من قبل: أرنا زاوية أخرى
advice_send_as_file = • نصيحة: أرسلها «كملف» حتى لا يضغطها تيليغرام
photo_send_another = حسنًا، أرسل الصورة الجديدة.
photo_too_large = هذه الصورة كبيرة جدًا (20 ميغابايت كحد أقصى). أرسل صورة أخف.
photo_too_many_pixels = هذه الصورة فيها عدد كبير جدًا من البكسلات. أرسل صورة عادية ملتقطة بالهاتف.
photo_unavailable = لم أتمكن من استلام هذه الصورة. أعد إرسالها من فضلك.
photo_too_many = الحد الأقصى { $max } صور لكل منتج؛ لم تُضف هذه الصورة.
photos_need_one = يلزم صورة واحدة على الأقل للمنتج. أرسل صورة.
stale_button = هذا الزر يخص سؤالًا سابقًا. هذا هو السؤال الحالي:
cannot_skip = هذا السؤال إلزامي.
cannot_go_back = لا يمكن الرجوع أكثر من هذا.
cannot_restart_submitted = أُرسل الملف بالفعل؛ لم يعد من الممكن حذفه من هنا.

## Boutons

lang_ary = الدارجة
lang_fr = Français
lang_ar = العربية
btn_yes = نعم
btn_no = لا
btn_done = انتهيت
btn_skip = تخطي
btn_back = رجوع
btn_submit = إرسال الملف
btn_add_product = إضافة منتج
btn_edit_business = تعديل بيانات الشركة
btn_edit_product = تعديل المنتج { $number }
btn_more = خيارات أخرى…
btn_none_of_these = لا شيء مما سبق
btn_keep = الاحتفاظ
btn_replace = استبدال
field_business_name = اسم الشركة
field_owner_name = اسمك
field_city = المدينة
field_sector = القطاع
field_ice = ICE
field_phone = الهاتف
field_email = البريد الإلكتروني
field_product_name = اسم المنتج
field_photos = الصور
field_description = الوصف
field_price = السعر
field_moq = الحد الأدنى للطلب
sector_argan = أركان
sector_olive_oil = زيت الزيتون
sector_food = مواد غذائية
sector_cosmetics = مستحضرات التجميل
sector_carpets = الزرابي
sector_textiles = النسيج
sector_leather = الجلد
sector_zellige = الزليج
sector_pottery = الفخار
sector_wood_metal = الخشب والمعادن
sector_other = أخرى
unit_piece = قطعة
unit_kg = كيلوغرام
unit_g = غرام
unit_ton = طن
unit_l = لتر
unit_ml = مليلتر
unit_m = متر
unit_m2 = متر مربع
unit_box = علبة
unit_carton = كرتونة
unit_bottle = قنينة
unit_set = مجموعة
unit_dozen = دزينة
unit_pair = زوج

## Mots acceptés à la place des boutons

words_yes = نعم, نعم أوافق, موافق, موافقة, أوافق, حسنا, حسنًا, أجل, بلى, طبعا, طبعًا, بالتأكيد, أكيد, صحيح, تمام, لا مانع
words_no = لا, كلا, لا شكرا, لا أوافق, غير موافق, لست موافقا, ليس الآن, لا أريد
words_done = انتهيت, تم, انتهى, لقد انتهيت, هذا كل شيء, التالي, اكتمل, أنهيت
words_submit = أرسل, ارسل, إرسال, أرسل الملف, إرسال الملف, أرسله, تأكيد, أكد, تأكيد الإرسال
words_help = مساعدة, المساعدة, ساعدني, أحتاج مساعدة, لم أفهم, لا أفهم, ماذا أفعل, ماذا علي أن أفعل, كيف
words_back = رجوع, الرجوع, السابق, ارجع, عودة, العودة, الخطوة السابقة, السؤال السابق
words_skip = تخطي, تخطى, تخط, تجاوز, تخطي السؤال, ليس لدي, ليس عندي, لا يوجد, لا أملك, لا أملك رقما, ليس لدي بريد, لا أملك بريدا, لا يوجد بريد, ليس لدي بريد إلكتروني
words_restart = ابدأ من جديد, البدء من جديد, إعادة البدء, ابدأ من البداية, من البداية, مسح الكل, إعادة التسجيل
words_where = أين أنا, أين وصلت, إلى أين وصلت, أين وصلنا, كم بقي, في أي مرحلة أنا
words_language = اللغة, لغة, تغيير اللغة, غير اللغة, تبديل اللغة, اختيار اللغة
words_greeting = السلام عليكم, السلام عليكم ورحمة الله, السلام عليكم ورحمة الله وبركاته, مرحبا, مرحبًا, أهلا, أهلا وسهلا, صباح الخير, مساء الخير, تحية طيبة

## Web chat

ui_title = تجارة — التسجيل
ui_placeholder = اكتب رسالتك…
ui_send = إرسال
ui_photo = صورة
ui_restart = محادثة جديدة
ui_error = لم تُرسل الرسالة. تحقّق من الاتصال وحاول مرة أخرى.
ui_noscript = تحتاج هذه الصفحة إلى JavaScript.

## ما لاحظته القناة

notice_edited = لاحظت أنك عدّلت رسالة. لا يمكنني اعتماد التعديل: أرسل الجواب الصحيح في رسالة جديدة.
notice_file_too_large = هذا الملف كبير جدًا (20 ميغابايت كحد أقصى). أرسل صورة أخف.
notice_contact_not_yours = جهة الاتصال هذه ليست رقمك. شارك رقمك أنت، أو اكتبه.
notice_unsupported = لا أستطيع قراءة هذا النوع من الرسائل. أجب كتابةً أو بصورة.
notice_agent_linked = تم ربط هذه المحادثة بحسابك كوكيل. الشركات التي تبدأ برابطك تُنسب إليك.
notice_referral_invalid = هذا الرابط لم يعد صالحًا؛ لا بأس، يمكننا البدء على أي حال.

## بعد الإرسال: القرارات والتذكير

decision_changes_requested = راجع فريقنا ملفك. هناك بعض النقاط للتصحيح:
    { $items }
    { $note }
    لنبدأ، نقطة بنقطة.
fix_item = • { $field }: { $reason }
fix_product_field = المنتج { $number }، { $field }
decision_approved = خبر سار: قُبل ملف « { $business_name } »! نحن ننشئ صفحتك وسنرسل لك الرابط فور نشرها.
decision_rejected = نأسف: لم يُقبل ملفك في الوقت الحالي.
    { $note }
decision_live = صفحتك منشورة الآن! هذا رابطها: { $url }
reminder = مرحبًا! تسجيل « { $business_name } » لم يكتمل بعد. هل نتابع من حيث توقفت؟
reason_photo_dark = الصورة مظلمة جدًا؛ أعد التقاطها في ضوء النهار
reason_photo_blurry = الصورة غير واضحة؛ ثبّت الهاتف جيدًا
reason_photo_small = الصورة صغيرة جدًا؛ اقترب من المنتج
reason_photo_missing = تنقص صورة للمنتج
reason_price_unit = السعر لا يذكر الوحدة (كيلوغرام، لتر، قطعة…)
reason_price_unclear = السعر غير واضح
reason_moq_unclear = الحد الأدنى للطلب غير واضح
reason_ice_invalid = رقم ICE غير صحيح
reason_description_short = الوصف قصير جدًا
reason_name_unclear = الاسم غير واضح
reason_city_unclear = المدينة غير واضحة
reason_other = يحتاج إلى مراجعة

## مرافقة الوكيل

assist_ask_language = بأي لغة يتحدث صاحب المشروع؟ سيصله ملفه بهذه اللغة.
assist_sent = أُرسل إلى صاحب المشروع ({ $phone }) ✅ سيصله الملف كاملًا، وعليه أن يؤكده ليُرسل إلى فريق تجارة؛ سأخبرك هنا عندما يفعل.
    إذا لم تصله الرسالة، اطلب منه أن يكتب «السلام» لتجارة على واتساب: ستصله بعدها مباشرة.
    اكتب «القائمة» للرجوع إلى قائمتك.
assist_waiting_owner = هذا الملف ينتظر جواب صاحب المشروع على { $phone }. يمكنك إعادة إرساله أو تصحيح شيء ما.
owner_confirm = مرحبًا! أعدّ معك وكيل من تجارة واجهة «{ $business_name }»:
    👤 { $owner_name }
    📍 { $city } ({ $region })
    🏷️ { $sector }
    ICE: { $ice }
    📞 { $phone }
    ✉️ { $email }
    { $products }
    لإنشاء واجهتك، تحفظ تجارة هذه المعلومات؛ لا يطّلع عليها إلا فريق تجارة ووكيلك، ثم السوق بعد قبول الملف. يمكنك الاطلاع عليها أو تصحيحها أو حذفها في أي وقت (القانون 09-08).
    هل كل شيء صحيح، وهل توافق على إرساله؟
owner_confirm_declined = حسنًا، لم يُرسل شيء. إذا غيّرت رأيك، أجب «نعم».
btn_confirm_send = نعم، أرسل
btn_change = تصحيح
btn_resend = إعادة الإرسال

## قائمة الوكيل

agent_menu = قائمة الوكيل: ماذا تريد أن تفعل؟
btn_agent_new = صاحب مشروع جديد
btn_agent_list = مشاريعي
btn_agent_link = رابطي ورمز QR
btn_agent_menu = القائمة
agent_ask_phone = ما رقم واتساب صاحب المشروع؟ (مثال: 06 12 34 56 78) على هذا الهاتف سيؤكد.
agent_phone_invalid = لم أستطع قراءة هذا الرقم. اكتب رقم الهاتف المحمول لصاحب المشروع، مثل 06 12 34 56 78.
agent_phone_landline = هذا رقم ثابت: صاحب المشروع يؤكد على واتساب، فأحتاج رقمه المحمول (06… أو 07…).
agent_phone_own = هذا رقمك أنت. اكتب رقم صاحب المشروع.
agent_phone_taken = للرقم { $phone } محادثة في تجارة ليست لك. اطلب من صاحب المشروع أن يكمل من هاتفه، أو أن يمسح رمز QR الخاص بك.
agent_list = مشاريعك:
    { $lines }{ $more ->
        [0] {""}
       *[other] {"\u000A"}… و{ $more } أخرى في صفحات الويب.
    }
    أرسل رقمًا لفتح أحدها.
agent_list_line = { $number }. { $name } — { $status }
agent_list_empty = ليس لديك أي مشروع بعد. ابدأ بـ«صاحب مشروع جديد»، أو شارك رابطك.
agent_status_draft = قيد الإعداد
agent_status_waiting_owner = ينتظر موافقة صاحبه
agent_status_submitted = قيد المراجعة
agent_status_changes_requested = طُلبت تصحيحات
agent_status_approved = مقبول
agent_status_exported = مقبول
agent_status_rejected = مرفوض
agent_status_live = منشور
agent_status_handoff_failed = مقبول، الواجهة متوقفة
agent_opened_new = صاحب مشروع جديد: { $phone }. أجب عن الأسئلة نيابة عنه؛ اكتب «القائمة» في أي وقت للرجوع إلى قائمتك.
agent_opened = فُتح: { $name }. اكتب «القائمة» للرجوع إلى قائمتك.
agent_referral = رابطك الشخصي: { $link }
    أصحاب المشاريع الذين يبدؤون بهذا الرابط يُنسبون إليك.{ $also_web ->
        [0] {""}
       *[other] {" "}على الويب: { $web }
    }
    رمز QR لتعرضه في رواقك مرفق.
words_menu = القائمة, قائمة, المنيو, منيو, menu, /menu
agent_owner_confirmed = ✅ وافق صاحب المشروع: «{ $name }» أُرسل للمراجعة.
owner_confirm_short = مرحبًا! أعدّ وكيل تجارة ملفك: تجده في الرسالة السابقة مباشرة. هل كل شيء صحيح، وهل توافق على إرساله؟
place_name = { $ar }
greeting_hello = مرحبًا 👋
owner_agent_busy = وكيل تجارة يملأ ملفك معك الآن. عندما ينتهي، سيصلك هنا الملف كاملًا لتتحقق منه.
owner_joined = مرحبًا! بدأ وكيل من تجارة ملفك معك. لنكمل معًا:
assist_owner_busy = صاحب المشروع يجيب بنفسه الآن: سأترك له هذا الملف حاليًا. أعد المحاولة بعد 20 دقيقة إن لزم.
assist_submitted = أُرسل «{ $business_name }»: تتابع حالته في «مشاريعي». اكتب «القائمة» للرجوع إلى قائمتك.
agent_owner_declined = لم يرغب صاحب «{ $name }» في إرساله حاليًا. لم يُرسل شيء للمراجعة.
agent_ask_language = بأي لغة تريد قائمتك؟
agent_help = قائمة الوكيل:
    • «صاحب مشروع جديد»: تملأ الملف معه، ثم يؤكده على واتساب الخاص به.
    • «مشاريعي»: حالتها؛ ورقم يعيد فتح أحدها.
    • «رابطي ورمز QR»: ما ينسب إليك أصحاب المشاريع الذين يسجلون بأنفسهم.
    اكتب «القائمة» في أي وقت للرجوع هنا.

## Ce que les gens écrivent pour un choix

words_lang_ary = الدارجة, بالدارجة, دارجة, الدارجة المغربية, المغربية
words_lang_fr = الفرنسية, بالفرنسية, فرنسية, اللغة الفرنسية
words_lang_ar = عربية, بالعربية, العربية الفصحى, الفصحى, اللغة العربية
words_sector_argan = زيت أركان, زيت الأركان, الأركان, اركان
words_sector_olive_oil = الزيتون, زيتون, زيت زيتون
words_sector_food = أغذية, الأغذية, عسل, تمر, توابل
words_sector_cosmetics = تجميل, التجميل, صابون, مستحضرات
words_sector_carpets = زرابي, زربية, سجاد, السجاد
words_sector_textiles = نسيج, خياطة, الخياطة, ملابس, قفطان, جلابة, طرز
words_sector_leather = جلد, جلود, الجلود, بلغة
words_sector_zellige = زليج, فسيفساء
words_sector_pottery = فخار, خزف, الخزف, طاجين
words_sector_wood_metal = خشب, معادن, نحاس, حديد
words_agent_new = جديد, مشروع جديد, صاحب مشروع جديد
words_agent_list = مشاريع, المشاريع, لائحة, اللائحة
words_agent_link = رابط, الرابط, رابطي, كود QR
btn_photos_clear = استبدال كل الصور
photos_cleared = تم: حُذفت الصور السابقة. أرسل الصور الجديدة.
status_approved = قُبل ملف «{ $business_name }» ✅ نحن نُعدّ صفحتك وسنرسل لك رابطها هنا فور نشرها.
status_rejected = لم يُقبل ملف «{ $business_name }» في الوقت الحالي.
    السبب: { $note }
status_live = صفحة «{ $business_name }» منشورة: { $url }
city_not_a_place = «{ $typed }» ليس اسم مدينة. في أي مدينة أو قرية توجد شركتك؟
assist_help = أنت تجيب نيابة عن صاحب المشروع؛ اكتب «القائمة» للرجوع إلى قائمة الوكيل.
