## forms — the onboarding as one form (flows/forms.py, web chat form mode, Telegram Mini App)

form_field_region = L jiha
form_field_price_unit = Taman 3la chno
form_field_moq_unit = A9al kamiya 3la chno
form_help_region = Ghir ila ma 3rfnach l mdina dyalkom (chi 9arya wla douar).
form_help_moq_unit = B l7ba, b lkilo, b litra… (ila ma ktbtihach m3a l kamiya)
form_closed = L formulaire ma khdamch f had lmar7ala. Nkmlo hna:
form_saved = Tsjjel, choukran! Ha chno mn b3d.
form_not_saved = Chi ajwiba ma tsjlouch, chofohom 3afakom:
    { $fields }
form_photo_added = Wslat tswira ({ $count } f lmajmou3).
form_need_region = F ina jiha kayna « { $city } »? Khtarouha mn la liste.
form_need_unit = Khtaro l wa7da mn la liste.
form_city_suggest = Ma 3rfnach « { $city } ». Wach bghito tgolo: { $names }?
form_ui_open = 3mmro kolchi f formulaire
form_ui_title = Charika w sel3a dyalkom
form_ui_business = Charika dyalkom
form_ui_product = Sel3a { $number }
form_ui_new_product = + Sel3a khra
form_ui_save = Sjjlo
form_ui_back = Rj3o l lhdra
form_ui_add_photo = Zido tswira
form_ui_photos = Tsawer: { $count }
form_ui_optional = ila bghito
form_ui_choose = Khtaro…
form_ui_error = Ma khdmatch. 3awdo mn b3d chwiya.
form_ui_refused = Had lien ma b9ach sali7. 7ello l formulaire mn jdid mn lhdra.
form_telegram_offer = T9dro 7ta t3mmro kolchi merra w7da f formulaire:
ui_form = 3mmro kolchi f formulaire
