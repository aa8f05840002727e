## forms_photos — a photo taken out of the form (flows/forms.py, bot/static/form.js)

form_ui_photo = Tswira
form_ui_remove_photo = 7iyd
form_ui_confirm_remove = N7iydo had tswira?
form_ui_cancel = Lla, khliha
form_photo_removed = Tswira t7iydat ({ $count } f lmajmou3).
form_photo_gone = Had tswira ma b9atch. Hahoma tsawer kifma homa daba.
