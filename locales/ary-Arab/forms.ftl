## forms — the onboarding as one form (flows/forms.py, web chat form mode, Telegram Mini App)

form_field_region = الجهة
form_field_price_unit = الثمن على شنو
form_field_moq_unit = أقل كمية على شنو
form_help_region = غير إلا ما عرفناش المدينة ديالكم (شي قرية ولا دوار).
form_help_moq_unit = بالحبة، بالكيلو، باللتر… (إلا ما كتبتوهاش مع الكمية)
form_closed = الفورمولير ما خدامش ف هاد المرحلة. نكملو هنا:
form_saved = تسجل، شكرا! ها شنو من بعد.
form_not_saved = شي أجوبة ما تسجلوش، شوفوهم عافاكم:
    { $fields }
form_photo_added = وصلات التصويرة ({ $count } ف المجموع).
form_need_region = ف أنا جهة كاينة «{ $city }»؟ ختاروها من الليستة.
form_need_unit = ختارو الوحدة من الليستة.
form_city_suggest = ما عرفناش «{ $city }». واش بغيتو تقولو: { $names }؟
form_ui_open = عمرو كلشي ف فورمولير
form_ui_title = الشركة ديالكم والمنتوج
form_ui_business = الشركة ديالكم
form_ui_product = المنتوج { $number }
form_ui_new_product = + منتوج آخر
form_ui_save = سجلو
form_ui_back = رجعو للهضرة
form_ui_add_photo = زيدو تصويرة
form_ui_photos = التصاور: { $count }
form_ui_optional = إلا بغيتو
form_ui_choose = ختارو…
form_ui_error = ما خدماتش. عاودو من بعد شوية.
form_ui_refused = هاد الليان ما بقاش صالح. حلو الفورمولير من جديد من الهضرة.
form_telegram_offer = تقدرو حتى تعمرو كلشي مرة وحدة ف فورمولير:
ui_form = عمرو كلشي ف فورمولير
