## forms_photos — a photo taken out of the form (flows/forms.py, bot/static/form.js)

form_ui_photo = صورة
form_ui_remove_photo = حذف
form_ui_confirm_remove = هل تحذفون هذه الصورة؟
form_ui_cancel = إلغاء
form_photo_removed = حُذفت الصورة ({ $count } في المجموع).
form_photo_gone = هذه الصورة لم تعد موجودة. هذه هي الصور كما هي الآن.
