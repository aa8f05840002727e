## places — douar ma kaynch f la liste, localisation msifta
ask_nearest_town = Mazal ma kan3refch « { $city } ». Chno hiya a9rab mdina kbira liha?{ $how }
share_location_telegram = {" "}Wla khtaro « 📍 Sift localisation dyali » lte7t.
share_location_whatsapp = {" "}Wla sifto localisation dyalkom: 📎 (wla +), mn b3d « Position ».
share_location_web = {" "}Wla khtaro « 📍 Sift localisation dyali ».
place_near_noted = Safi, tsjlat: { $village }, 9riba mn { $city }, jiha { $region }.
place_confirm = 9rib mn { $city }, jiha { $region }: wach hadi hiya?
place_confirm_village = { $village }, 9riba mn { $city }, jiha { $region }: wach hadi hiya?
place_not_asked = Chokran, walakin ma m7tajinch localisation hna.
place_unreadable = Ma 9dertch n9ra had localisation. Ktbo smiya dyal l mdina wla douar dyalkom.
place_abroad = Had localisation bayna barra l Maghrib. Tijara kat3awn charikat li f l Maghrib: f chmen mdina f l Maghrib kayna charika dyalkom?
tg_share_location = 📍 Sift localisation dyali
ui_location = 📍 Sift localisation dyali
ui_location_denied = Localisation ma tsiftatch. T9dro tktbo smiya dyal l mdina.
