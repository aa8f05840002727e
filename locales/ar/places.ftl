## places — قرية غير مدرجة، موقع تمت مشاركته
ask_nearest_town = لا أعرف « { $city } » بعد. ما هي أقرب مدينة كبيرة إليها؟{ $how }
share_location_telegram = {" "}يمكنكم أيضًا اختيار « 📍 إرسال موقعي » في الأسفل.
share_location_whatsapp = {" "}يمكنكم أيضًا إرسال موقعكم: 📎 (أو +)، ثم « الموقع ».
share_location_web = {" "}يمكنكم أيضًا اختيار « 📍 مشاركة موقعي ».
place_near_noted = تم التسجيل: { $village }، قرب { $city }، جهة { $region }.
place_confirm = قرب { $city }، جهة { $region }: هل هذا صحيح؟
place_confirm_village = { $village }، قرب { $city }، جهة { $region }: هل هذا صحيح؟
place_not_asked = شكرًا، لكننا لا نحتاج إلى موقعكم هنا.
place_unreadable = لم نتمكن من قراءة هذا الموقع. اكتبوا اسم مدينتكم أو قريتكم.
place_abroad = يبدو أن هذا الموقع خارج المغرب. تجارة ترافق الشركات الموجودة في المغرب: في أي مدينة مغربية توجد شركتكم؟
tg_share_location = 📍 إرسال موقعي
ui_location = 📍 مشاركة موقعي
ui_location_denied = لم تتم مشاركة الموقع. يمكنكم كتابة اسم المدينة.
