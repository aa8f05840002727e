## forms — the onboarding as one form (flows/forms.py, web chat form mode, Telegram Mini App)

form_field_region = الجهة
form_field_price_unit = وحدة السعر
form_field_moq_unit = وحدة الحد الأدنى
form_help_region = فقط إذا لم نتعرف على مدينتكم (قرية أو دوار).
form_help_moq_unit = بالقطعة أو بالكيلوغرام أو باللتر… (إن لم تذكرها الكمية)
form_closed = الاستمارة غير متاحة في هذه المرحلة. لنكمل هنا:
form_saved = تم التسجيل، شكرًا! إليكم الخطوة التالية.
form_not_saved = لم نحفظ بعض الأجوبة؛ يرجى التحقق منها:
    { $fields }
form_photo_added = وصلت الصورة ({ $count } في المجموع).
form_need_region = في أي جهة توجد «{ $city }»؟ اختاروها من القائمة.
form_need_unit = اختاروا الوحدة من القائمة.
form_city_suggest = لا نعرف «{ $city }». هل تقصدون: { $names }؟
form_ui_open = املؤوا البيانات في استمارة
form_ui_title = مقاولتكم ومنتوجكم
form_ui_business = مقاولتكم
form_ui_product = المنتوج { $number }
form_ui_new_product = + منتوج آخر
form_ui_save = حفظ
form_ui_back = الرجوع إلى المحادثة
form_ui_add_photo = إضافة صورة
form_ui_photos = عدد الصور: { $count }
form_ui_optional = اختياري
form_ui_choose = اختاروا…
form_ui_error = لم ينجح ذلك. حاولوا مرة أخرى بعد قليل.
form_ui_refused = هذا الرابط لم يعد صالحًا. افتحوا الاستمارة من جديد من المحادثة.
form_telegram_offer = يمكنكم أيضًا ملء كل شيء دفعة واحدة في استمارة:
ui_form = املؤوا البيانات في استمارة
