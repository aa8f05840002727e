### Tijara — WhatsApp (Twilio): شنو كيزيد هاد الكانال للميساجات.
### بلا بوطونات، الاختيارات كتجي بالرقم؛ مول المشروع كيجاوب بالرقم ولا بالكلمة.

whatsapp_choose_by_number = جاوبو بالرقم ولا كتبو الكلمة.
whatsapp_or_choose_by_number = ولا جاوبو بالرقم:
