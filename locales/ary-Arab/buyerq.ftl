## The buyers' questions (flows/buyerq.py): after the products, each can be skipped.

section_buyer = سؤالات الكليان
ask_buyer_questions = الملف ديالكم قريب يكمل. الكليان الكبار (ف أمريكا) كيسولو قبل كلشي شي سؤالات: شحال كتصاوبو ف الشهر، شحال ديال الوقت، الشهادات، التصدير، التغليف. جواب قصير كيخلي الصفحة ديالكم تبان سيريوز، وأي سؤال تقدرو تدوزوه. نبداو؟
btn_buyerq_start = يالاه نبداو
btn_buyerq_later = دوز كلشي
ask_capacity = المنتوج { $number } «{ $product }»: شحال تقدرو تصاوبو منو ف الشهر؟ (مثلا: { $example } ف الشهر)
invalid_capacity = كتبو الكمية بالرقم، بحال: 200 لترا ف الشهر ولا 500 حبة ف الشهر. ولا دوزو السؤال.
ask_lead_time = أول كوموند ديال «{ $product }»: شحال خصكم ديال الوقت حتى تكون واجدة للشحن؟ (مثلا: 15 نهار، 3 سيمانات)
invalid_lead_time = كتبو المدة بالرقم: نهار، سيمانة ولا شهر، بحال: 3 سيمانات. ولا دوزو السؤال.
ask_certifications = عندكم شي شهادات؟ ختاروهم وحدة بوحدة، ولا كتبوهم (بحال: «بيو و ONSSA»).
ask_certifications_more = تسجلات:
    { $chosen }
    شي شهادة خرا؟ إلا لا، ورّكو على «صافي ساليت».
cert_organic = بيو / ECOCERT
cert_fairtrade = التجارة العادلة
cert_onssa = ONSSA
cert_iso = ISO
btn_cert_none = ما عندنا حتى شهادة
invalid_certifications = ختارو شهادة من اللائحة ولا «ما عندنا حتى شهادة»، ولا دوزو السؤال.
ask_certificate = شهادة { $cert }: شكون اللي عطاها ليكم، شنو الرقم ديالها، وفوقاش كتسالي؟ مثلا: { $example }
invalid_certificate = ما لقيتش رقم ولا تاريخ. كتبو بحال: { $example } ولا دوزو السؤال.
certificate_noted = ✅ { $cert }: من عند { $body }، الرقم { $number }، صالحة حتى { $expires }.
ask_fda = باش يتباع ف أمريكا، الماكلة ولا الكوسميتيك خاصو يكون من بلاصة مسجلة عند الـFDA الأمريكية. البلاصة ديالكم مسجلة؟
btn_fda_unknown = ما عرفتش
ask_export = واش عمركم صدرتو (إكسبور)؟
export_never = عمرنا
export_few = شي مرات
export_regular = ديما
ask_export_countries = لأينا بلدان؟ (مثلا: فرانسا، سبانيا، كندا)
ask_packaging = آخر سؤال: كيفاش كتغلفو السلعة ديالكم للشحن؟ (مثلا: قراعي ديال الزاج ديال 250 ميلي، وكل 24 قرعة ف كارطونة)

words_cert_organic = بيو, بيولوجي, عضوي, ايكوسيرت
words_cert_fairtrade = التجارة العادلة, تجارة عادلة, فير تريد
words_cert_onssa = أونسا, اونسا
words_cert_iso = إيزو, ايزو
words_cert_none = ما عندنا والو, ماعندنا والو, ما عندناش, ماعندناش, حتى شهادة, ما عندنا حتى شهادة
words_fda_unknown = ما عرفتش, ماعرفتش, ما نعرف, مانعرف
words_export_never = عمرنا, عمرنا ما صدرنا, ما صدرنا والو, مازال, مازال ما صدرنا
words_export_few = شي مرات, مرة ولا جوج, شي شوية
words_export_regular = ديما, ديما كنصدرو, كل عام, بزاف
