## agents — mwaf9a dyal mol l machro3 b lien (l agent kayweriih f tilifon dyalo)

assist_owner_link = L malaf wajed ✅ WhatsApp ma ymknch ywslo l mol l machro3 ({ $phone }): werriwh had lien wla l QR code dyalo (m3a had l message) f tilifon dyalkom.
    { $link }
    Ghadi y7ello f tilifon dyalo, y9ra l malaf b loughto w ysiftoh ila kan mwafe9; ghadi n3lmkom hna mli ydir. Lien khddam { $days } iyam.
    Ktbo « menu » bach trj3o l menu dyalkom.
assist_owner_link_also = Ila ma wslch l message dyal WhatsApp l mol l machro3 ({ $phone }), werriwh had lien wla l QR code dyalo (m3a had l message):
    { $link }
    Ghadi y7ello f tilifon dyalo, y9ra l malaf w ysiftoh ila kan mwafe9. Lien khddam { $days } iyam.
btn_owner_link = Lien w QR
owner_link_invalid = Had lien ma t7ellch: ymken tnsakh ghalet. Golo l agent dyal Tijara y3awd ywerrikom. W ila bghito, t9dro tbdaw hna.
owner_link_expired = Had lien sala lwe9t dyalo. Golo l agent dyal Tijara ywerrikom wa7ed jdid: l malaf dyalkom kaytsnakom.
owner_link_used = L malaf « { $business_name } » deja t2ekked w tsift l equipe dyal Tijara. Fin wsel: { $status }. Ma b9a walo ma tdiro b had lien.
ui_link_open = 7ell
ui_link_copy = Nsakh
ui_link_copied = Lien tnsakh
ui_link_copy_failed = Ma9dertch nnsakh: 7ebso sba3 3la lien bach tnskhoh.
ui_link_share = Partagi
